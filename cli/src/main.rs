//! The `ctpat` command-line tool (being built: see the Foundation issue).

fn main() {}
