//! Unit tests of the portal module.
