//! The checks of the competitive situation: strengths per arena, current and earlier, and the
//! dates of the ratings.

use super::{Checker, Known, ValuePath, named};
use crate::model::competition::CompetitorRating;
use crate::model::date::Date;
use crate::model::project::Project;

/// Our strength and the competitors', current and earlier.
pub(super) fn competition(c: &mut Checker, p: &Project, known: &Known) {
    let cp = ValuePath::root().field("competition");
    let competitors = cp.field("competitors");
    c.unique_ids("competitor", &competitors, &p.competition.competitors);
    let ours = "our position";
    c.arenas(
        ours,
        &cp.field("our_strength"),
        known,
        &p.competition.our_strength,
    );
    ratings(
        c,
        ours,
        &cp.field("our_history"),
        known,
        p.competition.our_rated,
        &p.competition.our_history,
    );
    for (n, comp) in p.competition.competitors.iter().enumerate() {
        let item = named("competitor", comp.id, &comp.name);
        let at = competitors.index(n);
        c.arenas(&item, &at.field("strength"), known, &comp.strength);
        ratings(
            c,
            &item,
            &at.field("history"),
            known,
            comp.rated,
            &comp.history,
        );
    }
}

fn date_text(date: Option<Date>) -> String {
    date.map_or_else(
        || "the undated rating".to_owned(),
        |d| format!("the rating of {d}"),
    )
}

/// Earlier ratings, the list at `at`: oldest first, at most one a day (and one undated), each
/// before the current rating of `rated`, with strengths like the current ones'.
fn ratings(
    c: &mut Checker,
    item: &str,
    at: &ValuePath,
    known: &Known,
    rated: Option<Date>,
    history: &[CompetitorRating],
) {
    for (k, rating) in history.iter().enumerate() {
        let here = at.index(k);
        let date_at = if rating.date.is_some() {
            here.field("date")
        } else {
            here.clone()
        };
        let earlier = date_text(rating.date);
        if let Some(previous) = k.checked_sub(1).map(|j| history[j].date) {
            if previous == rating.date {
                c.add(
                    item,
                    date_at.clone(),
                    format!("keeps {earlier} twice, expected one earlier rating a day"),
                );
            } else if previous > rating.date {
                c.add(
                    item,
                    date_at.clone(),
                    format!(
                        "keeps {earlier} after {}, expected the earlier ratings oldest first",
                        date_text(previous)
                    ),
                );
            }
        }
        if rating.date >= rated {
            let current = match rated {
                Some(d) => format!("the current rating of {d}"),
                None => "the current rating, which is undated".to_owned(),
            };
            c.add(
                item,
                date_at,
                format!("keeps {earlier} as an earlier rating, but it is not before {current}"),
            );
        }
        c.arenas(
            &format!("{item}, {earlier}"),
            &here.field("strength"),
            known,
            &rating.strength,
        );
    }
}
