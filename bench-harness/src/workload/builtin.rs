//! The sector profiles shipped in `bench-harness/workloads/`, compiled into
//! the binary.

/// The shipped profiles: (file name, contents).
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "retail-payments",
        include_str!("../../workloads/retail-payments.toml"),
    ),
    (
        "cross-border-settlement",
        include_str!("../../workloads/cross-border-settlement.toml"),
    ),
    (
        "health-data-sharing",
        include_str!("../../workloads/health-data-sharing.toml"),
    ),
    (
        "insurance-claims",
        include_str!("../../workloads/insurance-claims.toml"),
    ),
    (
        "drug-traceability",
        include_str!("../../workloads/drug-traceability.toml"),
    ),
    (
        "ai-data-provenance",
        include_str!("../../workloads/ai-data-provenance.toml"),
    ),
    (
        "education-credentials",
        include_str!("../../workloads/education-credentials.toml"),
    ),
    (
        "identity-registry",
        include_str!("../../workloads/identity-registry.toml"),
    ),
    (
        "confidential-payments",
        include_str!("../../workloads/confidential-payments.toml"),
    ),
    (
        "cross-chain-light-client",
        include_str!("../../workloads/cross-chain-light-client.toml"),
    ),
    (
        "national-retail-sm2",
        include_str!("../../workloads/national-retail-sm2.toml"),
    ),
    (
        "identity-credentials",
        include_str!("../../workloads/identity-credentials.toml"),
    ),
    (
        "pb-data-commitments",
        include_str!("../../workloads/pb-data-commitments.toml"),
    ),
];
