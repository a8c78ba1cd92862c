//! `Debug` that never shows an SSN: types that carry the caller's text print their JSON form
//! with SSN-like digit runs masked ([`crate::ident::mask_ssn_like`]).
//!
//! A derived `Debug` prints every string as given, so a `{:?}` of a partner, a profile or a call
//! in someone's log would show an SSN typed into any field. The JSON form keeps the structure
//! readable; use serialisation, not `Debug`, when the exact data is needed.

use std::fmt;

use serde::Serialize;

/// Writes `value` as `Name {json}` with SSN-like digit runs masked (`{:#?}`: pretty JSON).
pub(crate) fn debug_json<T: Serialize>(
    value: &T,
    name: &str,
    f: &mut fmt::Formatter<'_>,
) -> fmt::Result {
    let json = if f.alternate() {
        serde_json::to_string_pretty(value)
    } else {
        serde_json::to_string(value)
    };
    match json {
        Ok(text) => write!(f, "{name} {}", crate::ident::mask_ssn_like(&text)),
        Err(_) => write!(f, "{name} {{ .. }}"),
    }
}

/// A field of a hand-written `Debug`: the value's JSON, SSN-like digit runs masked.
pub(crate) struct Masked<'a, T: Serialize>(pub &'a T);

impl<T: Serialize> fmt::Debug for Masked<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match serde_json::to_string(self.0) {
            Ok(text) => f.write_str(&crate::ident::mask_ssn_like(&text)),
            Err(_) => f.write_str(".."),
        }
    }
}

/// Implements `Debug` through [`debug_json`] for each listed type (which must be `Serialize`).
macro_rules! masked_debug {
    ($($ty:ident),+ $(,)?) => {
        $(
            impl ::std::fmt::Debug for $ty {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    $crate::redact::debug_json(self, stringify!($ty), f)
                }
            }
        )+
    };
}
pub(crate) use masked_debug;

#[cfg(test)]
mod tests {
    //! Plants an SSN, then a password-like secret, into every string of every shared fixture
    //! call (one at a time) and checks the `Debug` of every public call and answer type built
    //! from it, and every error text.

    use std::path::Path;

    use serde::de::DeserializeOwned;
    use serde_json::Value;

    const SSN: &str = "219-09-9999";
    const SECRET: &str = "pw:Tr0ub4dor&3-horse";
    const SSN_FORMS: &[&str] = &["219-09-9999", "219099999", "219 09 9999"];

    fn leaks(text: &str) -> bool {
        SSN_FORMS.iter().any(|s| text.contains(s))
    }

    fn string_leaves(value: &Value, path: &str, out: &mut Vec<String>) {
        match value {
            Value::String(_) => out.push(path.to_owned()),
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    string_leaves(v, &format!("{path}/{i}"), out);
                }
            }
            Value::Object(map) => {
                for (k, v) in map {
                    string_leaves(v, &crate::finding::pointer(path, k), out);
                }
            }
            _ => {}
        }
    }

    fn cases(op: &str) -> Vec<Value> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures");
        let mut files = vec![root];
        let mut calls = Vec::new();
        while let Some(path) = files.pop() {
            if path.is_dir() {
                files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            } else if path.extension().is_some_and(|e| e == "json") {
                let doc: Value =
                    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
                for case in doc["cases"].as_array().into_iter().flatten() {
                    if case["op"] == op {
                        calls.push(case["call"].clone());
                    }
                }
            }
        }
        calls
    }

    /// Every fixture call of `op` with the SSN planted into each string in turn: the call type
    /// `C` and the answer type `A` built from it never show the SSN in `{:?}` or `{:#?}`.
    /// Returns how many values were checked.
    fn check<C: DeserializeOwned + std::fmt::Debug, A: DeserializeOwned + std::fmt::Debug>(
        op: &str,
    ) -> usize {
        let mut checked = 0;
        for call in cases(op) {
            let mut leaves = Vec::new();
            string_leaves(&call, "", &mut leaves);
            for leaf in leaves.iter().take(60) {
                let mut planted = call.clone();
                *planted.pointer_mut(leaf).unwrap() = Value::from(SSN);
                if let Ok(c) = serde_json::from_value::<C>(planted.clone()) {
                    for text in [format!("{c:?}"), format!("{c:#?}")] {
                        assert!(
                            !leaks(&text),
                            "{op}: Debug of the call shows the ssn: {text}"
                        );
                    }
                    checked += 1;
                }
                match crate::api::call(op, &planted.to_string()) {
                    Ok(out) => {
                        let a: A = serde_json::from_str(&out).unwrap();
                        for text in [format!("{a:?}"), format!("{a:#?}")] {
                            assert!(
                                !leaks(&text),
                                "{op}: Debug of the answer shows the ssn: {text}"
                            );
                        }
                        checked += 1;
                    }
                    Err(e) => {
                        let info = serde_json::to_string(&e.info()).unwrap();
                        for text in [e.to_string(), format!("{e:?}"), info] {
                            assert!(!leaks(&text), "{op}: an error shows the ssn: {text}");
                        }
                    }
                }
                // A password-like secret typed into any field: an error may quote only the value
                // it is about (a bad code or date, truncated), never a secret from another field.
                let mut secret = call.clone();
                *secret.pointer_mut(leaf).unwrap() = Value::from(SECRET);
                if let Err(e) = crate::api::call(op, &secret.to_string()) {
                    let info = e.info();
                    let mut about = vec![(e.path().to_owned(), info.message.clone())];
                    about.extend(
                        info.findings
                            .iter()
                            .map(|f| (f.path.clone(), f.message.clone())),
                    );
                    for (path, text) in about {
                        assert!(
                            path.starts_with(leaf.as_str()) || !text.contains(SECRET),
                            "{op}: a message about {path} quotes the secret planted at {leaf}: {text}"
                        );
                    }
                }
            }
        }
        checked
    }

    #[test]
    fn debug_of_every_call_and_answer_masks_an_ssn_in_any_field() {
        use crate::eligibility::EligibilityReport;
        use crate::eligibility::api::CheckEligibilityCall;
        use crate::lifecycle::api as life;
        use crate::portal::api as portal;
        // (`annual_review_window` is left out: its only strings are dates, so a planted SSN
        // never gets past deserialisation.)
        use crate::profile::api::{ScreenPartnersCall, ValidateProfileCall};
        use crate::profile::{ProfileReport, ScreeningReport};

        let counts = [
            check::<CheckEligibilityCall, EligibilityReport>("check_eligibility"),
            check::<ValidateProfileCall, ProfileReport>("validate_profile"),
            check::<ScreenPartnersCall, ScreeningReport>("screen_partners"),
            check::<life::ApplyEventCall, life::ApplyEventAnswer>("apply_event"),
            check::<life::AsOfCall, life::AdvanceAnswer>("advance"),
            check::<life::AsOfCall, life::DeadlinesAnswer>("deadlines"),
            check::<life::BenefitsCall, life::BenefitsAnswer>("benefits"),
            check::<life::ReplayCall, crate::lifecycle::Membership>("replay"),
            check::<life::VerifyLogCall, crate::lifecycle::LogVerification>("verify_log"),
            check::<life::LinkCall, life::LinkAnswer>("link_for_joint_validation"),
            check::<portal::ValidateAccountCall, portal::ValidateAccountAnswer>("validate_account"),
            check::<portal::AuthorizeCall, portal::AuthorizeAnswer>("authorize"),
            check::<portal::UserEmailCall, portal::AccountOpAnswer>("add_user"),
            check::<portal::ChangeEmailCall, portal::AccountOpAnswer>("change_email"),
            check::<portal::OtherAccountCall, portal::AccountOpAnswer>("link_accounts"),
            check::<portal::SplitCompanyProfileCall, portal::SplitCompanyProfileAnswer>(
                "split_company_profile",
            ),
            check::<crate::ident::ConstructMidCall, crate::ident::ConstructMidAnswer>(
                "construct_mid",
            ),
        ];
        assert!(
            counts.iter().all(|n| *n > 0),
            "an operation had nothing to check: {counts:?}"
        );
    }
}
