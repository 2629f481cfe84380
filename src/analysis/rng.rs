//! A small, seeded random number generator (xoshiro256++ seeded by SplitMix64), so Monte Carlo
//! results repeat exactly for the same seed on every machine.

/// xoshiro256++ by Blackman and Vigna: fast, statistically strong, not for cryptography.
#[derive(Clone, Debug)]
pub struct Rng {
    s: [u64; 4],
}

impl Rng {
    /// A generator from a seed; every seed (0 included) gives a good state.
    pub fn new(seed: u64) -> Self {
        let mut x = seed;
        let mut next = || {
            x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = x;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        };
        Self {
            s: [next(), next(), next(), next()],
        }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let result = self.s[0]
            .wrapping_add(self.s[3])
            .rotate_left(23)
            .wrapping_add(self.s[0]);
        let t = self.s[1] << 17;
        self.s[2] ^= self.s[0];
        self.s[3] ^= self.s[1];
        self.s[1] ^= self.s[2];
        self.s[0] ^= self.s[3];
        self.s[2] ^= t;
        self.s[3] = self.s[3].rotate_left(45);
        result
    }

    /// A uniform number in [0, 1).
    pub fn next_f64(&mut self) -> f64 {
        #[allow(clippy::cast_precision_loss)]
        let x = (self.next_u64() >> 11) as f64;
        x * (1.0 / (1u64 << 53) as f64)
    }

    /// Two uniform numbers in [0, 1) with 32 random bits each, from one draw.
    pub fn next_pair(&mut self) -> (f64, f64) {
        const SCALE: f64 = 1.0 / 4_294_967_296.0;
        let x = self.next_u64();
        (
            f64::from((x >> 32) as u32) * SCALE,
            f64::from(x as u32) * SCALE,
        )
    }

    /// A draw from the triangular distribution with minimum `low`, mode `likely`, maximum `high`.
    ///
    /// Stein and Keblis (2009): with U, V uniform and m the mode's position in [0, 1],
    /// (1 − m)·min(U, V) + m·max(U, V) is triangular with mode m; no square root needed.
    pub fn triangular(&mut self, low: f64, likely: f64, high: f64) -> f64 {
        let span = high - low;
        if span <= 0.0 {
            return likely;
        }
        let m = (likely - low) / span;
        let (u, v) = self.next_pair();
        low + span * ((1.0 - m) * u.min(v) + m * u.max(v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_numbers() {
        let mut a = Rng::new(42);
        let mut b = Rng::new(42);
        let mut c = Rng::new(43);
        let xs: Vec<u64> = (0..5).map(|_| a.next_u64()).collect();
        assert_eq!(xs, (0..5).map(|_| b.next_u64()).collect::<Vec<_>>());
        assert_ne!(xs, (0..5).map(|_| c.next_u64()).collect::<Vec<_>>());
    }

    #[test]
    fn triangular_draws_have_the_right_mean_and_bounds() {
        let mut r = Rng::new(7);
        let n = 100_000;
        let draws: Vec<f64> = (0..n).map(|_| r.triangular(2.0, 3.0, 7.0)).collect();
        assert!(draws.iter().all(|x| (2.0..=7.0).contains(x)));
        #[allow(clippy::cast_precision_loss)]
        let mean = draws.iter().sum::<f64>() / n as f64;
        assert!((mean - 4.0).abs() < 0.02, "mean {mean}, expected (2+3+7)/3");
        assert_eq!(r.triangular(5.0, 5.0, 5.0), 5.0);
        // The distribution, not just its mean: P(X < 3) = (3-2)²/((7-2)(3-2)) = 0.2 and
        // P(X > 5) = (7-5)²/((7-2)(7-3)) = 0.2.
        #[allow(clippy::cast_precision_loss)]
        let share =
            |f: &dyn Fn(f64) -> bool| draws.iter().filter(|x| f(**x)).count() as f64 / n as f64;
        assert!((share(&|x| x < 3.0) - 0.2).abs() < 0.005);
        assert!((share(&|x| x > 5.0) - 0.2).abs() < 0.005);
    }
}
