import GazetteCore
import GazetteModel

/// Researchers' tools over published documents: clause alignment (`gazette diff`,
/// see `ClauseAligner`) and coverage tables (`gazette compare`, see `CoverageTable`).
public enum Research {}
