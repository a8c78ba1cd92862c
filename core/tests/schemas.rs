//! The committed `schemas/` equal what the code generates (`UPDATE_SCHEMAS=1` rewrites them).
#![cfg(feature = "schema")]
#![allow(clippy::unwrap_used, clippy::panic, reason = "test code")]

use std::path::Path;

#[test]
fn committed_schemas_are_current() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../schemas");
    let update = std::env::var_os("UPDATE_SCHEMAS").is_some();
    let mut stale = Vec::new();
    let mut generated = ctpat::schema::all();
    generated.push(ctpat::schema::NamedSchema {
        name: "index",
        schema: ctpat::schema::index(),
    });
    for s in &generated {
        let path = dir.join(format!("{}.json", s.name));
        let text = serde_json::to_string_pretty(&s.schema).unwrap() + "\n";
        if update {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &text).unwrap();
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            stale.push(s.name);
        }
    }
    let names: Vec<String> = generated
        .iter()
        .map(|s| format!("{}.json", s.name))
        .collect();
    let mut extra: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json") && !names.contains(n))
        .collect();
    extra.sort();
    assert!(
        stale.is_empty() && (update || extra.is_empty()),
        "stale schemas {stale:?}, files without a type {extra:?}: run UPDATE_SCHEMAS=1 cargo test -p ctpat --features schema --test schemas"
    );
}

#[test]
fn every_schema_has_id_title_and_draft() {
    for s in ctpat::schema::all() {
        assert!(!s.name.is_empty());
        assert_eq!(
            s.schema["$schema"], "https://json-schema.org/draft/2020-12/schema",
            "{}",
            s.name
        );
        assert!(
            s.schema["$id"]
                .as_str()
                .unwrap()
                .ends_with(&format!("/{}.json", s.name))
        );
        assert!(s.schema["title"].is_string(), "{} has no title", s.name);
    }
}

#[test]
fn every_operation_is_in_the_operation_map() {
    let mapped: Vec<&str> = ctpat::schema::OPERATION_SCHEMAS
        .iter()
        .map(|(op, _, _)| *op)
        .collect();
    let missing: Vec<&str> = ctpat::api::operations()
        .iter()
        .map(|o| o.name)
        .filter(|n| !n.starts_with("__") && !mapped.contains(n))
        .collect();
    assert!(
        missing.is_empty(),
        "operations without schemas: {missing:?}"
    );
}

#[test]
fn the_operation_map_names_existing_operations_and_schemas() {
    let names: Vec<_> = ctpat::schema::all().iter().map(|s| s.name).collect();
    for (op, call, answer) in ctpat::schema::OPERATION_SCHEMAS {
        assert!(ctpat::api::operation(op).is_ok(), "{op}");
        for s in [call, answer].into_iter().flatten() {
            assert!(names.contains(s), "{op}: no schema {s}");
        }
    }
}
