//! Where a finding is: the path to the value in the project, the finding itself, and numbers
//! as messages print them.

use std::fmt;

/// One step on the way from the project to a value: a field of a struct, or an element of a
/// list or tuple (from 0).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathSegment {
    /// A field, by its name in the file.
    Field(&'static str),
    /// An element of a list or a tuple, from 0.
    Index(usize),
}

/// Where a value is in the project, as in the file: `alternatives[3].risk`,
/// `management.kpis[0].actuals[2][1]`. `Some(…)` is passed through (a path to an optional
/// field leads to the value inside).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ValuePath(Vec<PathSegment>);

impl ValuePath {
    /// The project itself.
    pub fn root() -> Self {
        Self(Vec::new())
    }

    /// The steps, from the project on.
    pub fn segments(&self) -> &[PathSegment] {
        &self.0
    }

    /// The field `name` of the value here.
    #[must_use]
    pub fn field(&self, name: &'static str) -> Self {
        self.then(PathSegment::Field(name))
    }

    /// Element `index` (from 0) of the list or tuple here.
    #[must_use]
    pub fn index(&self, index: usize) -> Self {
        self.then(PathSegment::Index(index))
    }

    fn then(&self, segment: PathSegment) -> Self {
        let mut segments = Vec::with_capacity(self.0.len() + 1);
        segments.extend_from_slice(&self.0);
        segments.push(segment);
        Self(segments)
    }
}

impl From<&[PathSegment]> for ValuePath {
    fn from(segments: &[PathSegment]) -> Self {
        Self(segments.to_vec())
    }
}

impl fmt::Display for ValuePath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (n, segment) in self.0.iter().enumerate() {
            match segment {
                PathSegment::Field(name) if n == 0 => f.write_str(name)?,
                PathSegment::Field(name) => write!(f, ".{name}")?,
                PathSegment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

/// One problem found in a project, naming the item it concerns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The item, e.g. `alternative 2 "Community first"`.
    pub item: String,
    /// What is wrong.
    pub message: String,
    /// The offending value (for a problem of a whole list, e.g. a weight sum, the list).
    pub path: ValuePath,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.item, self.message)
    }
}

/// A number as messages print it: compact, never hundreds of digits. Ordinary values print as
/// they are (`7.5`, `12`, `0.25`); very large and very small ones in exponent form (`3e300`,
/// `1e-7`); `NaN`, `inf` and `-inf` by name.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Num(pub f64);

impl Num {
    /// A computed value (a sum) without the noise of binary fractions: `0.9`, not
    /// `0.8999999999999999` (nine significant digits).
    pub fn rounded(value: f64) -> Self {
        if !value.is_finite() || value == 0.0 {
            return Self(value);
        }
        Self(format!("{value:.8e}").parse().unwrap_or(value))
    }
}

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let value = self.0;
        let magnitude = value.abs();
        if value.is_finite() && value != 0.0 && !(1e-4..1e9).contains(&magnitude) {
            write!(f, "{value:e}")
        } else {
            write!(f, "{value}")
        }
    }
}
