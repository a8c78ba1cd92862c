//! Portal accounts, contacts, users and access control (domain.md §7), plus the 2023
//! next-generation portal migration (§7.5).
//!
//! - `model`: [`Account`], [`Contact`], [`Login`], [`Principal`]; no password anywhere.
//! - `validate`: account invariants as coded findings ([`validate_account`]).
//! - `rules`: the ordered access rule table ([`ACCESS_RULES`]) as data.
//! - `authorize`: deny by default ([`authorize()`]).
//! - `ops`: operations that return a new account or a coded error.
//! - `migrate`: [`split_company_profile`].

pub mod api;
pub mod authorize;
pub mod migrate;
pub mod model;
pub mod ops;
pub mod rules;
pub mod validate;

pub use authorize::{Decision, authorize};
pub use migrate::{CompanyProfile, SecurityModel, split_company_profile};
pub use model::{Account, AccountStatus, Contact, Login, PortalGeneration, Principal};
pub use rules::{ACCESS_RULES, Action, Effect};
pub use validate::{is_valid_email, validate_account};

#[cfg(test)]
mod tests;
