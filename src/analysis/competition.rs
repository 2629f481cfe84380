//! Where we stand against competitors, arena by arena.

use crate::model::competition::score_in;
use crate::model::{Arena, Project};

/// How close two strengths may be and still count as level, in points of the 0–10 scale.
pub const LEVEL_MARGIN: f64 = 0.5;

/// Our position in an arena against the strongest competitor rated there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Position {
    /// More than [`LEVEL_MARGIN`] above the strongest competitor.
    Ahead,
    /// Within [`LEVEL_MARGIN`] of the strongest competitor.
    Level,
    /// More than [`LEVEL_MARGIN`] below the strongest competitor.
    Behind,
}

/// Our position in an arena, or `None` where we or no competitor is rated.
pub fn position(project: &Project, arena: Arena) -> Option<Position> {
    let ours = score_in(&project.competition.our_strength, arena)?;
    let best = project
        .competition
        .competitors
        .iter()
        .filter_map(|c| score_in(&c.strength, arena))
        .reduce(f64::max)?;
    Some(if ours > best + LEVEL_MARGIN {
        Position::Ahead
    } else if ours >= best - LEVEL_MARGIN {
        Position::Level
    } else {
        Position::Behind
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ArenaScore, Competitor, CompetitorId, CompetitorKind, TopicId};

    fn project(ours: Option<f64>, theirs: &[f64]) -> (Project, Arena) {
        let arena = Arena::Topic(TopicId(1));
        let mut p = Project::new("t");
        if let Some(score) = ours {
            p.competition.our_strength.push(ArenaScore { arena, score });
        }
        for (i, score) in theirs.iter().enumerate() {
            p.competition.competitors.push(Competitor {
                id: CompetitorId(u32::try_from(i).unwrap() + 1),
                name: format!("c{i}"),
                kind: CompetitorKind::Attention,
                description: String::new(),
                strength: vec![ArenaScore {
                    arena,
                    score: *score,
                }],
            });
        }
        (p, arena)
    }

    #[test]
    fn position_is_judged_against_the_strongest_competitor() {
        let (p, a) = project(Some(7.0), &[3.0, 6.0]);
        assert_eq!(position(&p, a), Some(Position::Ahead));
        let (p, a) = project(Some(7.0), &[3.0, 7.5]);
        assert_eq!(position(&p, a), Some(Position::Level));
        let (p, a) = project(Some(7.0), &[9.0, 2.0]);
        assert_eq!(position(&p, a), Some(Position::Behind));
        let (p, a) = project(Some(7.0), &[6.5]);
        assert_eq!(
            position(&p, a),
            Some(Position::Level),
            "half a point is level"
        );
    }

    #[test]
    fn no_position_without_ratings() {
        let (p, a) = project(None, &[5.0]);
        assert_eq!(position(&p, a), None);
        let (p, a) = project(Some(5.0), &[]);
        assert_eq!(position(&p, a), None);
    }
}
