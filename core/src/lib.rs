//! # ctpat
//!
//! A model of the U.S. CBP **CTPAT** (Customs Trade Partnership Against Terrorism) program:
//! identifier checks, business types, findings and policies, with one JSON API ([`api`]) shared
//! by the Python and Node bindings and the `ctpat` command-line tool.
//!
//! Principles: all rules live here; business outcomes are [`Finding`]s, not errors; no function
//! reads the clock (every time-dependent call takes an `as_of` date and a [`Policy`]); missing
//! facts give *unknown*, never a silent pass; nothing panics on input; personal identifiers
//! (SSNs) are never shown in full.
//!
//! ```
//! use ctpat::ident::{check, CheckOptions, IdentifierKind};
//! let c = check(IdentifierKind::Ssn, "123-45-6789", "", CheckOptions::default());
//! assert!(c.valid);
//! assert_eq!(c.display.as_deref(), Some("***-**-6789"));
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod api;
pub mod calendar;
pub mod eligibility;
pub mod entity;
pub mod error;
pub mod finding;
pub mod ident;
pub mod lifecycle;
pub mod msc;
pub mod policy;
pub mod portal;
pub mod profile;
mod redact;
#[cfg(feature = "schema")]
pub mod schema;

pub use entity::{BusinessType, Partner};
pub use error::{Error, ErrorInfo};
pub use finding::{Finding, Outcome, Severity};
pub use ident::{Identifier, IdentifierCheck, IdentifierKind};
pub use policy::Policy;

/// The documentation pages' Rust code blocks, compiled and run as doctests.
#[cfg(doctest)]
mod doc_pages {
    #[doc = include_str!("../../README.md")]
    struct Readme;
    #[doc = include_str!("../../docs/quickstart-rust.md")]
    struct QuickstartRust;
}

/// The crate version (shared by the Python wheel and the npm package).
///
/// ```
/// assert_eq!(ctpat::VERSION.split('.').count(), 3);
/// assert!(ctpat::VERSION.split('.').all(|p| p.parse::<u32>().is_ok()));
/// ```
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Edition of the rules. Bumped whenever any answer for the same input changes.
///
/// ```
/// // Callers name the edition they expect; any other edition is refused.
/// assert_eq!(ctpat::RULES_VERSION, "2026.1");
/// ```
pub const RULES_VERSION: &str = "2026.1";

/// Edition of the wire format. Bumped whenever a schema changes.
///
/// ```
/// assert_eq!(ctpat::SCHEMA_VERSION, "1");
/// ```
pub const SCHEMA_VERSION: &str = "1";
