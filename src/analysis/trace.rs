//! Traceability: every decision must be followable back to the potential it uses, the benefit,
//! the option, and forward to the KPIs and assumptions that watch it.
//!
//! The chain runs module → potential → benefit → option → alternative → KPI / assumption.

use crate::model::{AlternativeStatus, Choice, ItemKind, ItemRef, PotentialDecision, Project};
use std::collections::BTreeSet;

/// The kinds in the order of the chain, as its columns.
pub const CHAIN: [ItemKind; 7] = [
    ItemKind::Module,
    ItemKind::Potential,
    ItemKind::Benefit,
    ItemKind::Option,
    ItemKind::Alternative,
    ItemKind::Kpi,
    ItemKind::Assumption,
];

/// Where the chain starts when nothing is selected: the chosen alternative, or else the first
/// one.
pub fn default_focus(project: &Project) -> Option<ItemRef> {
    project
        .alternatives
        .iter()
        .find(|a| a.status == AlternativeStatus::Chosen)
        .or_else(|| project.alternatives.first())
        .map(|a| ItemRef::Alternative(a.id))
}

/// A name for an item, for lists and links.
pub fn item_name(project: &Project, item: ItemRef) -> String {
    let p = project;
    let found = match item {
        ItemRef::Module(id) => p.foundation.module(id).map(|m| m.name.clone()),
        ItemRef::Goal(id) => p
            .foundation
            .goals
            .iter()
            .find(|g| g.id == id)
            .map(|g| g.text.clone()),
        ItemRef::Topic(id) => p.foundation.topic(id).map(|t| t.name.clone()),
        ItemRef::UsageFormat(id) => p.potential.usage_format(id).map(|u| u.name.clone()),
        ItemRef::ImpactFormat(id) => p
            .potential
            .impact_formats
            .iter()
            .find(|i| i.id == id)
            .map(|i| i.kind.to_string()),
        ItemRef::Potential(id) => p
            .potential
            .module_potentials
            .iter()
            .find(|m| m.id == id)
            .map(|m| {
                let module = m
                    .module
                    .and_then(|id| p.foundation.module(id))
                    .map_or("business model", |m| m.name.as_str());
                format!("{} potential for {module}", m.potential_type)
            }),
        ItemRef::UserBenefit(id) => p.potential.user_benefit(id).map(|u| u.name.clone()),
        ItemRef::Benefit(id) => p.benefit(id).map(|b| b.name.clone()),
        ItemRef::Competitor(id) => p
            .competition
            .competitors
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.name.clone()),
        ItemRef::Option(id) => p.option(id).map(|o| o.name.clone()),
        ItemRef::Alternative(id) => p.alternative(id).map(|a| a.name.clone()),
        ItemRef::Kpi(id) => p
            .management
            .kpis
            .iter()
            .find(|k| k.id == id)
            .map(|k| k.name.clone()),
        ItemRef::Assumption(id) => p
            .management
            .assumptions
            .iter()
            .find(|a| a.id == id)
            .map(|a| a.text.clone()),
        ItemRef::Measure(id) => p
            .management
            .measures
            .iter()
            .find(|m| m.id == id)
            .map(|m| m.name.clone()),
        ItemRef::Adaptation(i) => p.management.adaptations.get(i).map(|a| a.decision.clone()),
        ItemRef::Criterion(id) => p.decision.criterion(id).map(|c| c.name.clone()),
        ItemRef::Integration(id) => {
            p.management
                .integrations
                .iter()
                .find(|i| i.id == id)
                .map(|i| {
                    if i.process.trim().is_empty() {
                        i.area.to_string()
                    } else {
                        format!("{}: {}", i.area, i.process)
                    }
                })
        }
        ItemRef::Risk(id) => p.management.risks.iter().find(|r| r.id == id).map(|r| {
            if r.text.trim().is_empty() {
                format!("risk {}", r.id)
            } else {
                r.text.clone()
            }
        }),
    };
    found.unwrap_or_else(|| format!("{} (removed)", item.kind().label()))
}

/// The items one step up the chain (towards the business model) and one step down (towards
/// the KPIs).
pub fn neighbours(project: &Project, item: ItemRef) -> (Vec<ItemRef>, Vec<ItemRef>) {
    let p = project;
    let mut up = Vec::new();
    let mut down = Vec::new();
    match item {
        ItemRef::Module(id) => {
            down.extend(
                p.potential
                    .module_potentials
                    .iter()
                    .filter(|m| m.module == Some(id))
                    .map(|m| ItemRef::Potential(m.id)),
            );
        }
        ItemRef::Potential(id) => {
            if let Some(m) = p.potential.module_potentials.iter().find(|m| m.id == id) {
                match m.module {
                    Some(module) => {
                        up.push(ItemRef::Module(module));
                        down.extend(
                            p.benefits
                                .iter()
                                .filter(|b| b.module == module)
                                .map(|b| ItemRef::Benefit(b.id)),
                        );
                    }
                    // A potential for the business model as a whole stands behind every benefit.
                    None => down.extend(p.benefits.iter().map(|b| ItemRef::Benefit(b.id))),
                }
            }
        }
        ItemRef::Benefit(id) => {
            if let Some(b) = p.benefit(id) {
                up.extend(
                    p.potential
                        .module_potentials
                        .iter()
                        .filter(|m| m.module == Some(b.module))
                        .map(|m| ItemRef::Potential(m.id)),
                );
                if up.is_empty() {
                    up.push(ItemRef::Module(b.module));
                }
            }
            down.extend(
                p.options
                    .iter()
                    .filter(|o| o.realises(id))
                    .map(|o| ItemRef::Option(o.id)),
            );
        }
        ItemRef::Option(id) => {
            if let Some(o) = p.option(id) {
                up.extend(o.benefits.iter().map(|b| ItemRef::Benefit(*b)));
            }
            down.extend(
                p.alternatives
                    .iter()
                    .filter(|a| a.bundles(id))
                    .map(|a| ItemRef::Alternative(a.id)),
            );
            down.extend(
                p.management
                    .kpis
                    .iter()
                    .filter(|k| k.option == Some(id))
                    .map(|k| ItemRef::Kpi(k.id)),
            );
        }
        ItemRef::Alternative(id) => {
            if let Some(a) = p.alternative(id) {
                up.extend(a.options.iter().map(|b| ItemRef::Option(b.option)));
            }
            down.extend(
                p.management
                    .kpis
                    .iter()
                    .filter(|k| k.alternative == Some(id))
                    .map(|k| ItemRef::Kpi(k.id)),
            );
            down.extend(
                p.management
                    .assumptions
                    .iter()
                    .filter(|a| a.alternatives.contains(&id))
                    .map(|a| ItemRef::Assumption(a.id)),
            );
        }
        ItemRef::Kpi(id) => {
            if let Some(k) = p.management.kpis.iter().find(|k| k.id == id) {
                up.extend(k.alternative.map(ItemRef::Alternative));
                up.extend(k.option.map(ItemRef::Option));
            }
            down.extend(
                p.management
                    .assumptions
                    .iter()
                    .filter(|a| a.trigger.is_some_and(|t| t.kpi == id))
                    .map(|a| ItemRef::Assumption(a.id)),
            );
        }
        ItemRef::Assumption(id) => {
            if let Some(a) = p.management.assumptions.iter().find(|a| a.id == id) {
                up.extend(a.alternatives.iter().map(|x| ItemRef::Alternative(*x)));
                up.extend(a.options.iter().map(|x| ItemRef::Option(*x)));
                up.extend(a.trigger.map(|t| ItemRef::Kpi(t.kpi)));
            }
        }
        _ => {}
    }
    (up, down)
}

/// Everything an item's chain reaches: all items upstream of it and all downstream of it.
pub fn chain(project: &Project, item: ItemRef) -> BTreeSet<ItemRefKey> {
    let mut seen = BTreeSet::new();
    seen.insert(key(item));
    for upward in [true, false] {
        let mut frontier = vec![item];
        while let Some(next) = frontier.pop() {
            let (up, down) = neighbours(project, next);
            for n in if upward { up } else { down } {
                if seen.insert(key(n)) {
                    frontier.push(n);
                }
            }
        }
    }
    seen
}

/// A sortable key for an item reference: (kind position in [`CHAIN`], id).
pub type ItemRefKey = (usize, u32, ItemRef);

fn key(item: ItemRef) -> ItemRefKey {
    let position = CHAIN
        .iter()
        .position(|k| *k == item.kind())
        .unwrap_or(CHAIN.len());
    let id = match item {
        ItemRef::Module(i) => i.0,
        ItemRef::Potential(i) => i.0,
        ItemRef::Benefit(i) => i.0,
        ItemRef::Option(i) => i.0,
        ItemRef::Alternative(i) => i.0,
        ItemRef::Kpi(i) => i.0,
        ItemRef::Assumption(i) => i.0,
        _ => 0,
    };
    (position, id, item)
}

/// Something that hangs loose in the chain.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Orphan {
    /// A corporate benefit that no option realises.
    UnrealisedBenefit(ItemRef),
    /// An option that no alternative bundles.
    UnusedOption(ItemRef),
    /// An alternative (not rejected) that no KPI measures.
    AlternativeWithoutKpi(ItemRef),
    /// An alternative (not rejected) that relies on no stated assumption.
    AlternativeWithoutAssumptions(ItemRef),
    /// A potential neither used nor deliberately set aside.
    UndecidedPotential(ItemRef),
}

impl Orphan {
    /// The item concerned.
    pub fn item(self) -> ItemRef {
        match self {
            Self::UnrealisedBenefit(i)
            | Self::UnusedOption(i)
            | Self::AlternativeWithoutKpi(i)
            | Self::AlternativeWithoutAssumptions(i)
            | Self::UndecidedPotential(i) => i,
        }
    }

    /// What is missing, for people.
    pub fn explanation(self) -> &'static str {
        match self {
            Self::UnrealisedBenefit(_) => "no option realises this benefit",
            Self::UnusedOption(_) => "no alternative bundles this option",
            Self::AlternativeWithoutKpi(_) => "no KPI measures this alternative or its options",
            Self::AlternativeWithoutAssumptions(_) => {
                "no assumption or prerequisite is stated for this alternative"
            }
            Self::UndecidedPotential(_) => "neither used nor deliberately set aside",
        }
    }
}

/// The loose ends of the chain.
pub fn orphans(project: &Project) -> Vec<Orphan> {
    let p = project;
    let mut list = Vec::new();
    for m in &p.potential.module_potentials {
        if m.decision == PotentialDecision::Open {
            list.push(Orphan::UndecidedPotential(ItemRef::Potential(m.id)));
        }
    }
    for b in &p.benefits {
        if !p.options.iter().any(|o| o.realises(b.id)) {
            list.push(Orphan::UnrealisedBenefit(ItemRef::Benefit(b.id)));
        }
    }
    for o in &p.options {
        if !p.alternatives.iter().any(|a| a.bundles(o.id)) {
            list.push(Orphan::UnusedOption(ItemRef::Option(o.id)));
        }
    }
    for a in p
        .alternatives
        .iter()
        .filter(|a| a.status != AlternativeStatus::Rejected)
    {
        let measured = p
            .management
            .kpis
            .iter()
            .any(|k| k.alternative == Some(a.id) || k.option.is_some_and(|o| a.bundles(o)));
        if !measured {
            list.push(Orphan::AlternativeWithoutKpi(ItemRef::Alternative(a.id)));
        }
        if !p
            .management
            .assumptions
            .iter()
            .any(|s| s.alternatives.contains(&a.id))
        {
            list.push(Orphan::AlternativeWithoutAssumptions(ItemRef::Alternative(
                a.id,
            )));
        }
    }
    list
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AlternativeId, BenefitId, KpiId, ModuleId, OptionId, PotentialId};

    fn bakery() -> Project {
        crate::io::SAMPLES[0].load().unwrap()
    }

    #[test]
    fn the_chain_of_a_kpi_reaches_back_to_the_business_model() {
        let p = bakery();
        // KPI 2 "Course bookings" measures option 3 "Baking courses" and alternative 1.
        let c = chain(&p, ItemRef::Kpi(KpiId(2)));
        let has = |i: ItemRef| c.iter().any(|(_, _, x)| *x == i);
        assert!(has(ItemRef::Option(OptionId(3))));
        assert!(
            has(ItemRef::Benefit(BenefitId(2))),
            "option 3 realises benefit 2 (course revenue)"
        );
        assert!(
            has(ItemRef::Module(ModuleId(5))),
            "benefit 2 serves module 5 (revenue streams)"
        );
        assert!(
            has(ItemRef::Potential(PotentialId(4))),
            "the creation potential of module 5"
        );
        assert!(has(ItemRef::Alternative(AlternativeId(1))));
        // Downstream of the KPI nothing but triggers; unrelated modules stay out.
        assert!(!has(ItemRef::Module(ModuleId(8))));
    }

    #[test]
    fn the_chain_starts_at_the_chosen_alternative_or_the_first() {
        let mut p = bakery();
        for a in &mut p.alternatives {
            a.status = AlternativeStatus::Draft;
        }
        let first = ItemRef::Alternative(p.alternatives[0].id);
        assert_eq!(default_focus(&p), Some(first));
        p.alternatives[2].status = AlternativeStatus::Chosen;
        let chosen = ItemRef::Alternative(p.alternatives[2].id);
        assert_eq!(default_focus(&p), Some(chosen));
        p.alternatives.clear();
        assert_eq!(default_focus(&p), None);
    }

    #[test]
    fn neighbours_are_symmetric() {
        let p = bakery();
        for o in &p.options {
            let item = ItemRef::Option(o.id);
            let (up, down) = neighbours(&p, item);
            for u in up {
                assert!(
                    neighbours(&p, u).1.contains(&item),
                    "{u:?} does not lead down to {item:?}"
                );
            }
            for d in down {
                assert!(
                    neighbours(&p, d).0.contains(&item),
                    "{d:?} does not lead up to {item:?}"
                );
            }
        }
    }

    #[test]
    fn orphans_are_found() {
        let mut p = bakery();
        // The sample's chain is complete.
        assert_eq!(orphans(&p), Vec::new());
        // Without the apprentice channel, which KPI 3 measures, no KPI measures the
        // decision-ready "Service and freshness"; the rejected one is not listed.
        p.alternatives[2]
            .options
            .retain(|b| b.option != OptionId(5));
        let found = orphans(&p);
        assert!(
            found.contains(&Orphan::AlternativeWithoutKpi(ItemRef::Alternative(
                AlternativeId(3)
            )))
        );
        assert!(
            !found
                .iter()
                .any(|o| o.item() == ItemRef::Alternative(AlternativeId(2)))
        );
        assert!(
            !found.iter().any(|o| matches!(o, Orphan::UnusedOption(_))),
            "every sample option is bundled"
        );
        // Make some loose ends.
        p.options[7].benefits.clear(); // option 8 was the only one besides 6 and 9 for benefit 4
        for a in &mut p.alternatives {
            a.options.retain(|b| b.option != OptionId(7));
        }
        p.potential.module_potentials[0].decision = PotentialDecision::Open;
        p.management
            .assumptions
            .retain(|a| !a.alternatives.contains(&AlternativeId(3)));
        let found = orphans(&p);
        assert!(found.contains(&Orphan::UnusedOption(ItemRef::Option(OptionId(7)))));
        assert!(
            found.contains(&Orphan::UndecidedPotential(ItemRef::Potential(
                PotentialId(1)
            )))
        );
        assert!(found.contains(&Orphan::AlternativeWithoutAssumptions(
            ItemRef::Alternative(AlternativeId(3))
        )));
        // A benefit realised by no option.
        for o in &mut p.options {
            o.benefits.retain(|b| *b != BenefitId(3));
        }
        assert!(orphans(&p).contains(&Orphan::UnrealisedBenefit(ItemRef::Benefit(BenefitId(3)))));
    }

    #[test]
    fn names_of_removed_items_say_so() {
        let p = bakery();
        assert_eq!(
            item_name(&p, ItemRef::Option(OptionId(99))),
            "option (removed)"
        );
        assert_eq!(
            item_name(&p, ItemRef::Kpi(KpiId(1))),
            "Sourdough club members"
        );
    }
}
