//! Places in a blueprint file.

/// A place in a blueprint file: 1-based line and column (columns count characters, as
/// editors do) and the byte range the renderers underline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Span {
    pub line: usize,
    pub column: usize,
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// A zero-length span at the start of the file, for problems that belong to the
    /// whole document (an empty file, a document that is not a mapping).
    pub const START: Span = Span {
        line: 1,
        column: 1,
        start: 0,
        end: 0,
    };
}

/// A value together with where it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Located<T> {
    pub fn new(value: T, span: Span) -> Self {
        Located { value, span }
    }

    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Located<U> {
        Located {
            value: f(self.value),
            span: self.span,
        }
    }
}

impl Located<String> {
    pub fn as_str(&self) -> &str {
        &self.value
    }
}
