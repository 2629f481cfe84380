//! The pbsm data: what a project file holds. Serde only, no UI.
//!
//! One file per pbsm component, plus the project that ties them together, typed ids for the
//! links between items, and the project's own validation.

pub mod alternatives;
pub mod benefit;
pub mod choice;
pub mod competition;
pub mod date;
pub mod decision;
pub mod edit;
pub mod foundation;
pub mod ids;
pub mod judgement;
pub mod kpi_plan;
pub mod management;
pub mod options;
pub mod potential;
pub mod project;
pub mod room;
pub mod score;
pub mod steering;
pub mod stress;
pub mod validate;
pub mod versions;
pub mod voting;

pub use alternatives::{
    Alternative, AlternativeStatus, BundledOption, Component, CustomScore, ScoreRange, Statement,
};
pub use benefit::Benefit;
pub use choice::Choice;
pub use competition::{
    Arena, ArenaScore, Competition, Competitor, CompetitorKind, CompetitorRating, Rerated, Side,
};
pub use date::Date;
pub use decision::{
    Budget, Criterion, CriterionMeasure, Decision, Direction, Judgment, WeightScenario,
};
pub use edit::{EditError, ItemKind, ItemRef, add_item, exists, remove_item};
pub use foundation::{
    BusinessModule, CanvasBlock, Foundation, Goal, GoalBenefit, GoalKind, LinkStrength, Topic,
};
pub use ids::*;
pub use judgement::{
    AdvantageNature, Durability, MethodStep, Override, QualityRubric, StepNote, Suggested,
};
pub use kpi_plan::{Cadence, Milestone};
pub use management::{
    Actual, Adaptation, Assumption, AssumptionKind, AssumptionStatus, Cause, HealthThresholds, Kpi,
    KpiDirection, Management, Measure, MeasureStatus, Trigger, TriggerCondition,
};
pub use options::{ActionOption, CompetitiveAssessment, Priority};
pub use potential::{
    ImpactFormat, ImpactKind, ModulePotential, PerformancePotential, PotentialDecision,
    PotentialType, UsageFormat, UsageFormatKind, UserBenefit,
};
pub use project::{CURRENT_VERSION, DEFAULT_DAY_RATE_EUR, Project};
pub use room::{Answer, Question, Response, RoundKind};
pub use score::{Pending, Score, pending};
pub use steering::{
    DecisionRecord, FunctionalArea, Integration, IntegrationStatus, MonitoredRisk, Period,
    Rejection, RiskSource, RiskStatus,
};
pub use validate::{Finding, validate};
pub use versions::{Change, StrategyVersion};
pub use voting::{Ballot, Dots, VoteSubject, VoteTarget, VotingRound};
