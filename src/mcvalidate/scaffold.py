"""A new course file to fill in: what ``mcvalidate init`` writes.

A designer should not start from a blank page and a table. The scaffold has every section of
format 1, in the order a proposal is written, each with a comment saying what goes there and
which framework element asks for it. The values that differ per course and that the format
requires or a first check needs (the title, the issuer, credit status, hours, language) are
written; every other field is an example in a comment, which nobody can mistake for a real
value and no check reads. So the scaffold passes the course format's own rules, and what the
framework rules then report is exactly the list of what is left to fill in.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

# The shipped JSON Schema of the course format (generated from the model; a test keeps it in
# sync), for editors: the modelines point at it.
SCHEMA = Path(__file__).with_name("schemas") / "course-1.schema.json"


@dataclass(frozen=True)
class Answers:
    """The values that differ per course, written into the scaffold as real values."""

    title: str = "New micro-credential"
    issuer: str = ""
    credit: str = ""  # "credit", "non_credit" or "" (not known yet)
    hours: float | None = None
    language: str = "en"


def _quoted(text: str) -> str:
    """``text`` as a YAML scalar that reads back as itself (a JSON string is one)."""
    return json.dumps(text, ensure_ascii=False)


def modelines(schema: str) -> str:
    """The comments that point yaml-language-server (VS Code, Neovim, Emacs) and JetBrains
    IDEs at the course schema."""
    return f"# yaml-language-server: $schema={schema}\n# $schema: {schema}\n"


def scaffold(answers: Answers, schema: str) -> str:
    """The text of a new course file."""
    issuer = (
        f"  name: {_quoted(answers.issuer)}\n"
        if answers.issuer
        else ("  # name: Example Institute of Technology   # the awarding institution\n")
    )
    credit = (
        f"  status: {answers.credit}\n"
        if answers.credit
        else "  # status: credit                # or non_credit: say which, before enrolment\n"
    )
    hours = (
        f"  hours: {answers.hours:g}\n"
        if answers.hours is not None
        else "  # hours: 60                     # all the learner's effort, assessment included\n"
    )
    return (
        modelines(schema)
        + f"""\
# A new micro-credential, written by 'mcvalidate init'. Lines starting with '#' are
# comments: the examples in them are not read. Replace an example with the real value and
# remove the '# ' in front of it. 'mcvalidate check' on this file lists what is left to do;
# 'mcvalidate explain RULE' says why each finding matters.
format: 1
title: {_quoted(answers.title)}
# summary: >
#   One paragraph for learners: what they will be able to do, for whom, how it is delivered.
language: {answers.language}
status: draft                      # draft, proposed, approved, active, suspended, retired
# standalone: true                 # awarded on its own (B.C. Framework: "stand-alone")

issuer:
{issuer}  # country: CA
  # region: CA-BC
  # type: public_institution       # or indigenous_institute, private_institution, employer...

# The B.C. Framework: credit or non-credit, made clear before enrolment.
credit:
{credit}  # value: 3                       # credits awarded, for a credit-bearing one
  # system: institutional

# "Short-duration": the hours (and weeks) of one offering.
workload:
{hours}  # contact_hours: 20               # instructor-led hours
  # weeks: 8

# delivery:
#   modes: [online_sync]           # online_async, online_sync, in_person, hybrid, work_integrated
#   pacing: cohort                 # or self_paced

# cost: {{amount: 900, currency: CAD}}

# prerequisites:                   # one item a line; [] for none
#   - One year of work in the trade

# The B.C. Framework: aligned with industry, employer, community or Indigenous community needs.
# needs:
#   - type: industry               # employer, community, indigenous_community, labour_market
#     description: What the partners say they need, in a sentence.
#     evidence:
#       - A survey, a labour market report or a letter of support

# partners:                        # who identified the need, co-designed it, recognises it
#   - name: Example Employer Ltd.
#     type: employer
#     roles: [identify_need, co_design, recognition]

# The B.C. Framework: competency-based. What a holder can do.
# competencies:
#   - id: C1
#     statement: Install mass timber components safely

# Learning outcomes: one observable action each, serving the competencies.
# learning_outcomes:
#   - id: LO1
#     statement: Identify mass timber structural components
#     competencies: [C1]

# The B.C. Framework: assessed. Which assessment shows each outcome, and what passing is.
# assessments:
#   - id: A1
#     title: Installation practical
#     type: practical
#     summative: true
#     outcomes: [LO1]
#     passing: Meets every criterion of the practical checklist

# The B.C. Framework: recognized for employment or learning purposes.
# recognition:
#   purposes: [employment, further_learning]
#   formats: [digital_badge, transcript]

# Pathways the Framework encourages: stacking, laddering, transfer, or why there is none.
# pathways:
#   ladders_into:
#     - credential: Certificate in Construction Management
#       institution: Example Institute of Technology
#       credit_value: 3
#   prior_learning_recognition: true
#   complements: How it sits beside the programs already offered.

# The B.C. Framework's quality assurance: developed, approved and periodically reviewed.
# quality_assurance:
#   approved_by: Education Council
#   process: The institution's micro-credential approval policy
#   review_cycle_months: 36

# While it is a draft or a proposal, the Toolkit's business case.
# business_case:
#   problem: The problem or opportunity, in a sentence.
#   market_analysis: Competitors and demand.
"""
    )


def from_existing(text: str, schema: str) -> str:
    """A new offering started from an existing course file: the same text (comments, order
    and quoting kept), with the modelines pointing at the schema, the status back to draft,
    and its ``id`` removed so the new file's stem names it."""
    lines = [
        line
        for line in text.splitlines(keepends=True)
        if not line.startswith(("# yaml-language-server:", "# $schema:"))
        and not re.match(r"id\s*:", line)
    ]
    body = "".join(lines)
    status = re.compile(r"^status\s*:.*$", re.MULTILINE)
    if status.search(body):
        body = status.sub("status: draft", body, count=1)
    else:
        body = re.sub(r"^(title\s*:.*\n)", r"\1status: draft\n", body, count=1, flags=re.MULTILINE)
    return modelines(schema) + body
