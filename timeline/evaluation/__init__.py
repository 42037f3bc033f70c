"""Measuring the product on hand-annotated data: pure Python, no Django.

- :mod:`.coref`: MUC, B³, CEAF-e and the CoNLL F1 on plain clusters;
- :mod:`.rouge`: ROUGE-1 and ROUGE-L with one documented tokeniser;
- :mod:`.events`: event sets (``tests/events/GUIDELINES.md``): loading, mention alignment,
  coreference, date, factuality, category and title scores (``manage.py evaluate_events``);
- :mod:`.timelines`: the Crisis corpus and reference timelines: date recall, date
  selection F1@k, title ROUGE and two baselines (``manage.py evaluate_timelines``).

The commands read the database through ``timeline.selectors.evaluation`` and hand these
modules plain rows.
"""
