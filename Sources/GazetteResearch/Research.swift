import GazetteCore
import GazetteModel

/// Researchers' tools over published documents: clause alignment (`gazette diff`) and
/// coverage tables (`gazette compare`).
public enum Research {}
