//! pbsm step 4: the competitive situation.

use super::choice::choice_enum;
use super::date::Date;
use super::ids::{CompetitorId, TopicId, UsageFormatId, UserBenefitId, impl_has_id};
use serde::{Deserialize, Serialize};

/// Competitors of both kinds and where we stand against them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Competition {
    /// The competitors.
    pub competitors: Vec<Competitor>,
    /// Our own strength per arena, on the same scale as the competitors'.
    pub our_strength: Vec<ArenaScore>,
    /// When our current strengths were rated (`None`: undated, as in files from before rating
    /// dates).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub our_rated: Option<Date>,
    /// Our earlier ratings, oldest first, each kept when our strength was re-rated.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub our_history: Vec<CompetitorRating>,
    /// What the comparison means for the strategy.
    #[serde(default)]
    pub summary: String,
}

choice_enum! {
    /// The two kinds of competitor pbsm distinguishes.
    CompetitorKind {
        /// Offers something similar.
        Performance => "Performance competitor",
        /// Competes for the same users' attention, often from another industry.
        Attention => "Attention competitor",
    } default Performance
}

/// Where competitors meet: a usage format, a topic, or a user benefit (pbsm: the user benefit
/// is what competes; users compare what they get from us with what competitors of both kinds
/// give them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Arena {
    /// A usage format.
    UsageFormat(UsageFormatId),
    /// A topic.
    Topic(TopicId),
    /// A user benefit (format version 3).
    UserBenefit(UserBenefitId),
}

/// A strength in one arena, 0 to 10.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArenaScore {
    /// Where.
    pub arena: Arena,
    /// How strong, 0 to 10.
    pub score: f64,
}

/// A performance or attention competitor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Competitor {
    /// Stable id.
    pub id: CompetitorId,
    /// Name.
    pub name: String,
    /// Performance or attention competitor.
    pub kind: CompetitorKind,
    /// What they do and why they matter.
    pub description: String,
    /// Their strength per arena.
    pub strength: Vec<ArenaScore>,
    /// When the current strengths were rated (`None`: undated, as in files from before rating
    /// dates).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rated: Option<Date>,
    /// Their earlier ratings, oldest first, each kept when they were re-rated.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<CompetitorRating>,
}

impl_has_id!(Competitor => CompetitorId);

/// The score for an arena in a list of arena scores.
pub fn score_in(scores: &[ArenaScore], arena: Arena) -> Option<f64> {
    scores.iter().find(|s| s.arena == arena).map(|s| s.score)
}

/// Sets (or, with `None`, removes) the score for an arena.
pub fn set_score_in(scores: &mut Vec<ArenaScore>, arena: Arena, score: Option<f64>) {
    match (scores.iter_mut().find(|s| s.arena == arena), score) {
        (Some(entry), Some(score)) => entry.score = score,
        (None, Some(score)) => scores.push(ArenaScore { arena, score }),
        (_, None) => scores.retain(|s| s.arena != arena),
    }
}

/// An earlier rating of strengths per arena, a competitor's or ours, kept when they were
/// re-rated.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompetitorRating {
    /// When it was rated (`None`: undated, a rating from before rating dates, which counts as
    /// older than every dated one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// The strength per arena then.
    pub strength: Vec<ArenaScore>,
}

/// Whose strengths: ours or a competitor's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    /// Our own strength.
    Us,
    /// A competitor's strength.
    Competitor(CompetitorId),
}

/// One side's ratings, borrowed: the current strengths with their date, and the earlier ones.
///
/// Ratings are ordered by date, an undated rating (`None`) before every dated one: that is how
/// `Option<Date>` orders, so a point in time to look at is an `Option<Date>` too, `None` being
/// the time of the undated ratings.
#[derive(Clone, Copy, Debug)]
pub struct Ratings<'a> {
    /// The current strengths.
    pub strength: &'a [ArenaScore],
    /// When they were rated.
    pub rated: Option<Date>,
    /// The earlier ratings, oldest first.
    pub history: &'a [CompetitorRating],
}

impl<'a> Ratings<'a> {
    /// The rating in force at a point, with its date: the current one if it was rated on or
    /// before the point, else the latest earlier one rated on or before it; `None` before the
    /// first rating (a competitor added later, say).
    pub fn at(&self, point: Option<Date>) -> Option<(Option<Date>, &'a [ArenaScore])> {
        if self.rated <= point {
            return Some((self.rated, self.strength));
        }
        self.history
            .iter()
            .filter(|r| r.date <= point)
            .max_by_key(|r| r.date)
            .map(|r| (r.date, r.strength.as_slice()))
    }
}

/// What re-rating did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rerated {
    /// The rating of this date (`None`: undated) is kept as an earlier one and the strengths,
    /// unchanged, are dated today, for the user to edit what changed.
    Kept(Option<Date>),
    /// An undated rating without any strength: there was nothing to keep; it is dated today.
    Dated,
    /// The rating is already dated today (or later): nothing changed, the strengths are still
    /// today's to edit.
    AlreadyCurrent(Date),
}

/// Re-rates one side's ratings (see [`Competition::rerate`]).
fn rerate(
    strength: &[ArenaScore],
    rated: &mut Option<Date>,
    history: &mut Vec<CompetitorRating>,
    today: Date,
) -> Rerated {
    match *rated {
        Some(date) if date >= today => Rerated::AlreadyCurrent(date),
        None if strength.is_empty() => {
            *rated = Some(today);
            Rerated::Dated
        }
        previous => {
            history.push(CompetitorRating {
                date: previous,
                strength: strength.to_vec(),
            });
            *rated = Some(today);
            Rerated::Kept(previous)
        }
    }
}

impl Competitor {
    /// The competitor's ratings, current and earlier.
    pub fn ratings(&self) -> Ratings<'_> {
        Ratings {
            strength: &self.strength,
            rated: self.rated,
            history: &self.history,
        }
    }
}

impl Competition {
    /// Our ratings, current and earlier.
    pub fn our_ratings(&self) -> Ratings<'_> {
        Ratings {
            strength: &self.our_strength,
            rated: self.our_rated,
            history: &self.our_history,
        }
    }

    /// A side's ratings, or `None` for a competitor that does not exist.
    pub fn ratings(&self, side: Side) -> Option<Ratings<'_>> {
        match side {
            Side::Us => Some(self.our_ratings()),
            Side::Competitor(id) => self
                .competitors
                .iter()
                .find(|c| c.id == id)
                .map(Competitor::ratings),
        }
    }

    /// Re-rates a side (pbsm's strategy management monitors competitors): the current rating
    /// is kept as an earlier one with its date and the strengths, unchanged, are dated today,
    /// for the user to edit what changed. A rating already dated today is not kept twice: it
    /// stays today's rating to edit. `None` for a competitor that does not exist.
    pub fn rerate(&mut self, side: Side, today: Date) -> Option<Rerated> {
        match side {
            Side::Us => Some(rerate(
                &self.our_strength,
                &mut self.our_rated,
                &mut self.our_history,
                today,
            )),
            Side::Competitor(id) => {
                let c = self.competitors.iter_mut().find(|c| c.id == id)?;
                Some(rerate(&c.strength, &mut c.rated, &mut c.history, today))
            }
        }
    }

    /// Every strength per arena held, current and earlier, ours and the competitors', to clean
    /// up after an arena is removed.
    pub(super) fn all_scores_mut(&mut self) -> impl Iterator<Item = &mut Vec<ArenaScore>> {
        let ours = std::iter::once(&mut self.our_strength)
            .chain(self.our_history.iter_mut().map(|r| &mut r.strength));
        let theirs = self.competitors.iter_mut().flat_map(|c| {
            std::iter::once(&mut c.strength).chain(c.history.iter_mut().map(|r| &mut r.strength))
        });
        ours.chain(theirs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u8, d: u8) -> Date {
        Date::new(y, m, d).unwrap()
    }

    fn scores(topic_score: f64) -> Vec<ArenaScore> {
        vec![ArenaScore {
            arena: Arena::Topic(TopicId(1)),
            score: topic_score,
        }]
    }

    fn competitor(rated: Option<Date>, score: f64) -> Competitor {
        Competitor {
            id: CompetitorId(1),
            name: "Backstube Müller".to_owned(),
            kind: CompetitorKind::Performance,
            description: String::new(),
            strength: scores(score),
            rated,
            history: Vec::new(),
        }
    }

    #[test]
    fn rerating_keeps_the_old_rating_with_its_date_and_dates_the_strengths_today() {
        let mut c = Competition {
            competitors: vec![competitor(Some(date(2026, 3, 1)), 6.0)],
            ..Competition::default()
        };
        let side = Side::Competitor(CompetitorId(1));
        assert_eq!(
            c.rerate(side, date(2026, 9, 30)),
            Some(Rerated::Kept(Some(date(2026, 3, 1))))
        );
        let m = &c.competitors[0];
        assert_eq!(m.rated, Some(date(2026, 9, 30)));
        assert_eq!(m.strength, scores(6.0), "the strengths stay to be edited");
        assert_eq!(
            m.history,
            [CompetitorRating {
                date: Some(date(2026, 3, 1)),
                strength: scores(6.0)
            }]
        );
        // Again the same day: today's rating is still being edited, nothing is kept twice.
        c.competitors[0].strength = scores(8.0);
        assert_eq!(
            c.rerate(side, date(2026, 9, 30)),
            Some(Rerated::AlreadyCurrent(date(2026, 9, 30)))
        );
        assert_eq!(c.competitors[0].history.len(), 1);
        assert_eq!(c.competitors[0].strength, scores(8.0));
        // A rating dated after today (a clock set back) is not pushed into the past.
        assert_eq!(
            c.rerate(side, date(2026, 9, 1)),
            Some(Rerated::AlreadyCurrent(date(2026, 9, 30)))
        );
        assert_eq!(
            c.rerate(Side::Competitor(CompetitorId(9)), date(2026, 9, 1)),
            None
        );
    }

    #[test]
    fn an_undated_rating_is_kept_undated_and_an_empty_one_only_dated() {
        let mut c = Competition {
            competitors: vec![competitor(None, 6.0)],
            ..Competition::default()
        };
        let today = date(2026, 11, 23);
        assert_eq!(
            c.rerate(Side::Competitor(CompetitorId(1)), today),
            Some(Rerated::Kept(None))
        );
        assert_eq!(c.competitors[0].history[0].date, None);
        assert_eq!(c.competitors[0].rated, Some(today));
        // We have not rated anything yet: nothing to keep.
        assert_eq!(c.rerate(Side::Us, today), Some(Rerated::Dated));
        assert!(c.our_history.is_empty());
        assert_eq!(c.our_rated, Some(today));
    }

    #[test]
    fn the_rating_in_force_is_the_latest_on_or_before_the_point() {
        let mut m = competitor(Some(date(2026, 9, 30)), 8.0);
        m.history = vec![
            CompetitorRating {
                date: None,
                strength: scores(4.0),
            },
            CompetitorRating {
                date: Some(date(2026, 3, 1)),
                strength: scores(6.0),
            },
        ];
        let r = m.ratings();
        let at = |point| r.at(point).map(|(d, s)| (d, s[0].score));
        assert_eq!(at(None), Some((None, 4.0)));
        assert_eq!(at(Some(date(2026, 2, 28))), Some((None, 4.0)));
        assert_eq!(
            at(Some(date(2026, 3, 1))),
            Some((Some(date(2026, 3, 1)), 6.0))
        );
        assert_eq!(
            at(Some(date(2026, 9, 29))),
            Some((Some(date(2026, 3, 1)), 6.0))
        );
        assert_eq!(
            at(Some(date(2026, 9, 30))),
            Some((Some(date(2026, 9, 30)), 8.0))
        );
        // Added later, without an earlier rating: nothing in force before.
        let new = competitor(Some(date(2026, 9, 30)), 8.0);
        assert_eq!(new.ratings().at(Some(date(2026, 3, 1))), None);
        assert!(new.ratings().at(Some(date(2026, 10, 1))).is_some());
        // Undated and never re-rated: in force at every point.
        let old = competitor(None, 5.0);
        assert!(old.ratings().at(None).is_some());
    }
}
