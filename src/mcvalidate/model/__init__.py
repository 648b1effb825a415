"""Pydantic models of the course definition format (see :mod:`mcvalidate.model.course`).

Every model a rule may meet is exported here, so that a pack's type hints never reach into
the module that defines them.
"""

from mcvalidate.model.course import (
    Alignment,
    Assessment,
    Badge,
    BadgeAlignment,
    BusinessCase,
    Classification,
    Competency,
    Cost,
    Course,
    Credit,
    Delivery,
    Funding,
    Issuer,
    Ladder,
    Level,
    Need,
    Outcome,
    Partner,
    Pathways,
    Publication,
    QualityAssurance,
    Recognition,
    Transfer,
    Workload,
)

__all__ = [
    "Alignment",
    "Assessment",
    "Badge",
    "BadgeAlignment",
    "BusinessCase",
    "Classification",
    "Competency",
    "Cost",
    "Course",
    "Credit",
    "Delivery",
    "Funding",
    "Issuer",
    "Ladder",
    "Level",
    "Need",
    "Outcome",
    "Partner",
    "Pathways",
    "Publication",
    "QualityAssurance",
    "Recognition",
    "Transfer",
    "Workload",
]
