//! The analytic hierarchy process (AHP): weights from pairwise comparisons on Saaty's 1–9
//! scale, taken from the principal eigenvector, with Saaty's consistency ratio.

use crate::model::{CriterionId, Judgment, Project};

/// Saaty's random consistency index by matrix size (0 for 1 and 2 criteria; values for 11–15
/// from Alonso and Lamata, 2006).
pub const RANDOM_INDEX: [f64; 16] = [
    0.0, 0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59,
];

/// Above this consistency ratio the judgments should be revisited.
pub const CR_LIMIT: f64 = 0.10;

/// The values of Saaty's scale offered in the UI, as (value, label).
pub const SCALE: [(f64, &str); 17] = [
    (1.0 / 9.0, "1/9"),
    (1.0 / 8.0, "1/8"),
    (1.0 / 7.0, "1/7"),
    (1.0 / 6.0, "1/6"),
    (1.0 / 5.0, "1/5"),
    (1.0 / 4.0, "1/4"),
    (1.0 / 3.0, "1/3"),
    (1.0 / 2.0, "1/2"),
    (1.0, "1"),
    (2.0, "2"),
    (3.0, "3"),
    (4.0, "4"),
    (5.0, "5"),
    (6.0, "6"),
    (7.0, "7"),
    (8.0, "8"),
    (9.0, "9"),
];

/// What AHP makes of a pairwise comparison matrix.
#[derive(Clone, Debug, PartialEq)]
pub struct AhpResult {
    /// The full reciprocal matrix, `matrix[i][j]` = importance of i over j.
    pub matrix: Vec<Vec<f64>>,
    /// The weights (principal eigenvector, summing to 1).
    pub weights: Vec<f64>,
    /// The principal eigenvalue.
    pub lambda_max: f64,
    /// Consistency index (λmax − n) / (n − 1).
    pub consistency_index: f64,
    /// Consistency ratio: CI over Saaty's random index (0 for fewer than three criteria).
    pub consistency_ratio: f64,
    /// The judgment (i, j), i < j, that departs most from the weights: the one to revisit.
    pub most_inconsistent: Option<(usize, usize)>,
}

impl AhpResult {
    /// Whether the judgments are consistent enough (CR ≤ 0.10).
    pub fn is_consistent(&self) -> bool {
        self.consistency_ratio <= CR_LIMIT
    }
}

/// Runs AHP on a square, positive, reciprocal matrix. Returns `None` for an empty or malformed
/// matrix.
pub fn analyse(matrix: &[Vec<f64>]) -> Option<AhpResult> {
    let n = matrix.len();
    if n == 0
        || matrix
            .iter()
            .any(|row| row.len() != n || row.iter().any(|v| !(v.is_finite() && *v > 0.0)))
    {
        return None;
    }
    #[allow(clippy::cast_precision_loss)]
    let nf = n as f64;
    // Power iteration: converges for positive matrices (Perron–Frobenius).
    let mut w = vec![1.0 / nf; n];
    let mut next = vec![0.0; n];
    for _ in 0..1_000 {
        for (i, row) in matrix.iter().enumerate() {
            next[i] = row.iter().zip(&w).map(|(a, x)| a * x).sum();
        }
        let sum: f64 = next.iter().sum();
        let mut change: f64 = 0.0;
        for (x, y) in w.iter_mut().zip(&next) {
            let y = y / sum;
            change = change.max((*x - y).abs());
            *x = y;
        }
        if change < 1e-14 {
            break;
        }
    }
    let lambda_max = matrix
        .iter()
        .zip(&w)
        .map(|(row, wi)| row.iter().zip(&w).map(|(a, x)| a * x).sum::<f64>() / wi)
        .sum::<f64>()
        / nf;
    let consistency_index = if n > 1 {
        ((lambda_max - nf) / (nf - 1.0)).max(0.0)
    } else {
        0.0
    };
    let ri = RANDOM_INDEX.get(n).copied().unwrap_or(RANDOM_INDEX[15]);
    let consistency_ratio = if ri > 0.0 {
        consistency_index / ri
    } else {
        0.0
    };
    let mut most_inconsistent = None;
    let mut worst = 1e-9;
    for i in 0..n {
        for j in i + 1..n {
            let deviation = (matrix[i][j] * w[j] / w[i]).ln().abs();
            if deviation > worst {
                worst = deviation;
                most_inconsistent = Some((i, j));
            }
        }
    }
    Some(AhpResult {
        matrix: matrix.to_vec(),
        weights: w,
        lambda_max,
        consistency_index,
        consistency_ratio,
        most_inconsistent,
    })
}

/// The reciprocal matrix for criteria from judgments, if every pair is judged.
pub fn matrix(criteria: &[CriterionId], judgments: &[Judgment]) -> Option<Vec<Vec<f64>>> {
    let n = criteria.len();
    let mut m = vec![vec![1.0; n]; n];
    for i in 0..n {
        for j in i + 1..n {
            let (a, b) = (criteria[i], criteria[j]);
            let value = judgments.iter().find_map(|jg| {
                if jg.a == a && jg.b == b {
                    Some(jg.value)
                } else if jg.a == b && jg.b == a {
                    Some(1.0 / jg.value)
                } else {
                    None
                }
            })?;
            m[i][j] = value;
            m[j][i] = 1.0 / value;
        }
    }
    Some(m)
}

/// AHP on the project's judgments, if every pair of criteria is judged.
pub fn from_project(project: &Project) -> Option<AhpResult> {
    let ids: Vec<CriterionId> = project.decision.criteria.iter().map(|c| c.id).collect();
    if ids.len() < 2 {
        return None;
    }
    analyse(&matrix(&ids, &project.decision.judgments)?)
}

/// How many pairs `n` criteria form, each needing a judgment: n(n − 1)/2.
pub fn pair_count(n: usize) -> usize {
    n * n.saturating_sub(1) / 2
}

/// The judgment value for a pair (1 when not judged yet), as importance of `a` over `b`.
pub fn judgment(judgments: &[Judgment], a: CriterionId, b: CriterionId) -> Option<f64> {
    judgments.iter().find_map(|j| {
        if j.a == a && j.b == b {
            Some(j.value)
        } else if j.a == b && j.b == a {
            Some(1.0 / j.value)
        } else {
            None
        }
    })
}

/// Sets the judgment for a pair, replacing an earlier one in either order.
pub fn set_judgment(judgments: &mut Vec<Judgment>, a: CriterionId, b: CriterionId, value: f64) {
    judgments.retain(|j| !((j.a == a && j.b == b) || (j.a == b && j.b == a)));
    judgments.push(Judgment { a, b, value });
}

/// The label on Saaty's scale nearest to a value.
pub fn scale_label(value: f64) -> &'static str {
    SCALE
        .iter()
        .min_by(|x, y| {
            (x.0.ln() - value.ln())
                .abs()
                .total_cmp(&(y.0.ln() - value.ln()).abs())
        })
        .map_or("1", |(_, l)| l)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tolerance: f64) -> bool {
        (a - b).abs() < tolerance
    }

    #[test]
    fn four_criteria_example_matches_an_independent_eigen_solver() {
        // Judgments 3, 5, 7 / 3, 5 / 3 (each criterion moderately to very strongly more
        // important than the next). Expected values from numpy.linalg.eig on the same matrix.
        let m = vec![
            vec![1.0, 3.0, 5.0, 7.0],
            vec![1.0 / 3.0, 1.0, 3.0, 5.0],
            vec![1.0 / 5.0, 1.0 / 3.0, 1.0, 3.0],
            vec![1.0 / 7.0, 1.0 / 5.0, 1.0 / 3.0, 1.0],
        ];
        let r = analyse(&m).unwrap();
        let expected = [0.565_009, 0.262_201, 0.117_504, 0.055_285];
        for (w, e) in r.weights.iter().zip(expected) {
            assert!(close(*w, e, 1e-6), "{:?}", r.weights);
        }
        assert!(close(r.lambda_max, 4.116_982, 1e-6), "{}", r.lambda_max);
        assert!(
            close(r.consistency_ratio, 0.043_327, 1e-6),
            "{}",
            r.consistency_ratio
        );
        assert!(r.is_consistent());
    }

    #[test]
    fn three_criteria_example() {
        let m = vec![
            vec![1.0, 1.0 / 3.0, 0.5],
            vec![3.0, 1.0, 3.0],
            vec![2.0, 1.0 / 3.0, 1.0],
        ];
        let r = analyse(&m).unwrap();
        for (w, e) in r.weights.iter().zip([0.157_056, 0.593_634, 0.249_311]) {
            assert!(close(*w, e, 1e-6), "{:?}", r.weights);
        }
        assert!(close(r.consistency_ratio, 0.046_225, 1e-6));
    }

    #[test]
    fn a_consistent_matrix_returns_its_weights_with_zero_cr() {
        let w = [0.5, 0.3, 0.2];
        let m: Vec<Vec<f64>> = w
            .iter()
            .map(|a| w.iter().map(|b| a / b).collect())
            .collect();
        let r = analyse(&m).unwrap();
        for (x, y) in r.weights.iter().zip(w) {
            assert!(close(*x, y, 1e-12));
        }
        assert!(r.consistency_ratio < 1e-12);
        assert_eq!(r.most_inconsistent, None);
    }

    #[test]
    fn a_circular_judgment_is_flagged_and_named() {
        // A over B 9, B over C 9, C over A 9: nonsense on purpose.
        let m = vec![
            vec![1.0, 9.0, 1.0 / 9.0, 1.0],
            vec![1.0 / 9.0, 1.0, 9.0, 1.0],
            vec![9.0, 1.0 / 9.0, 1.0, 1.0],
            vec![1.0, 1.0, 1.0, 1.0],
        ];
        let r = analyse(&m).unwrap();
        assert!(
            close(r.consistency_ratio, 2.381_211, 1e-5),
            "{}",
            r.consistency_ratio
        );
        assert!(!r.is_consistent());
        let (i, j) = r.most_inconsistent.unwrap();
        assert!(
            i < 3 && j < 3,
            "the culprit is in the cycle, not ({i}, {j})"
        );
    }

    #[test]
    fn judgments_build_a_reciprocal_matrix_only_when_complete() {
        let ids = [CriterionId(1), CriterionId(2), CriterionId(3)];
        let mut js = Vec::new();
        set_judgment(&mut js, ids[0], ids[1], 3.0);
        set_judgment(&mut js, ids[2], ids[0], 2.0);
        assert!(matrix(&ids, &js).is_none(), "pair 2-3 missing");
        set_judgment(&mut js, ids[1], ids[2], 1.0 / 5.0);
        let m = matrix(&ids, &js).unwrap();
        assert_eq!(m[0][1], 3.0);
        assert_eq!(m[1][0], 1.0 / 3.0);
        assert_eq!(m[0][2], 0.5);
        assert_eq!(m[1][2], 0.2);
        set_judgment(&mut js, ids[1], ids[0], 2.0);
        assert_eq!(js.len(), 3, "replaced, not added");
        assert_eq!(judgment(&js, ids[0], ids[1]), Some(0.5));
        assert_eq!(scale_label(0.2), "1/5");
        assert_eq!(scale_label(7.2), "7");
    }

    #[test]
    fn n_criteria_form_n_choose_2_pairs() {
        assert_eq!(pair_count(0), 0);
        assert_eq!(pair_count(1), 0);
        assert_eq!(pair_count(2), 1);
        assert_eq!(pair_count(5), 10);
    }

    #[test]
    fn a_complete_set_of_judgments_gives_weights_the_decision_can_use() {
        let mut p = Project::new("t");
        let ids: Vec<CriterionId> = p.decision.criteria.iter().map(|c| c.id).collect();
        for (i, a) in ids.iter().enumerate() {
            for b in &ids[i + 1..] {
                assert!(from_project(&p).is_none(), "not every pair judged yet");
                set_judgment(&mut p.decision.judgments, *a, *b, 2.0);
            }
        }
        assert_eq!(p.decision.judgments.len(), pair_count(ids.len()));
        let result = from_project(&p).unwrap();
        p.decision.set_weights(&result.weights);
        for (c, w) in p.decision.criteria.iter().zip(&result.weights) {
            assert!(close(c.weight, *w, 1e-12));
        }
        assert!(
            p.decision.criteria[0].weight > p.decision.criteria[4].weight,
            "the first criterion was judged more important than every later one"
        );
    }

    #[test]
    fn malformed_matrices_are_refused() {
        assert!(analyse(&[]).is_none());
        assert!(analyse(&[vec![1.0, 2.0]]).is_none());
        assert!(analyse(&[vec![1.0, -2.0], vec![-0.5, 1.0]]).is_none());
        assert!(analyse(&[vec![1.0]]).unwrap().weights == vec![1.0]);
    }
}
