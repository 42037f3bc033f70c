"""factory-boy factories for the timeline models."""

from __future__ import annotations

import datetime

import factory
from django.contrib.auth import get_user_model

from timeline.models import Actor, Article, Conflict, Event, Mention
from timeline.services import article_content_hash


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("correct horse battery")


class ConflictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Conflict

    name = factory.Sequence(lambda n: f"Peace process {n}")
    slug = factory.Sequence(lambda n: f"peace-process-{n}")
    summary = "A test conflict."


class ActorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Actor

    name = factory.Sequence(lambda n: f"Actor {n}")
    kind = Actor.Kind.ARMED_GROUP
    aliases = factory.LazyFunction(list)


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    conflict = factory.SubFactory(ConflictFactory)
    title = factory.Sequence(lambda n: f"Article {n}")
    outlet = "Test Wire"
    published = datetime.date(2021, 2, 28)
    body = factory.Sequence(lambda n: f"Talks resumed in Doha on Sunday. Item {n}.")
    content_hash = factory.LazyAttribute(lambda o: article_content_hash(body=o.body))
    extraction_status = Article.ExtractionStatus.DONE


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    conflict = factory.SubFactory(ConflictFactory)
    title = factory.Sequence(lambda n: f"Event {n}")
    category = Event.Category.TALKS
    date_value = "2021-02-28"
    date_precision = Event.Precision.DAY
    date_start = datetime.date(2021, 2, 28)
    date_end = datetime.date(2021, 2, 28)


class MentionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Mention

    event = factory.SubFactory(EventFactory)
    article = factory.SubFactory(ArticleFactory, conflict=factory.SelfAttribute("..event.conflict"))
    sentence = "Talks resumed in Doha on Sunday."
    sentence_start = 0
    sentence_end = 32
    expression_text = "on Sunday"
    expression_start = 22
    expression_end = 31
    key = factory.LazyAttribute(lambda o: f"x{o.expression_start}-{o.expression_end}")
    resolved_value = "2021-02-28"
    resolved_precision = "day"
    resolved_start = datetime.date(2021, 2, 28)
    resolved_end = datetime.date(2021, 2, 28)
    anchor_date = datetime.date(2021, 2, 28)
    anchor_kind = "published"
    rule = "weekday-same-day"
    explanation = "'on Sunday' + published 2021-02-28 → 2021-02-28 (day)"
    extractor_version = "test"
