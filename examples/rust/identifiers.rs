//! Checks a few identifiers and lists the business types (run: `./run example`).

use ctpat::ident::{CheckOptions, IdentifierKind, check};

fn main() {
    let samples = [
        (IdentifierKind::IrsNumber, "27-4418203-00"),
        (IdentifierKind::Ssn, "123-45-6789"),
        (IdentifierKind::Scac, "qwr4"),
        (IdentifierKind::Mid, "MXNORTEX4821MON"),
    ];
    println!(
        "rust: ctpat {} (rules {})",
        ctpat::VERSION,
        ctpat::RULES_VERSION
    );
    for (kind, text) in samples {
        let c = check(kind, text, "", CheckOptions::default());
        let verdict = if c.valid { "valid" } else { "invalid" };
        let shown = c.display.unwrap_or_else(|| "-".to_owned());
        println!("  {:<12} {shown:<18} {verdict}", kind.code());
        for f in &c.findings {
            println!("      {} {}: {}", f.severity, f.code, f.message);
        }
    }
    let types = ctpat::entity::business_types();
    println!(
        "  {} business types, e.g. {}",
        types.len(),
        ctpat::BusinessType::Importer.name()
    );
}
