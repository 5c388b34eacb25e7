//! Query parsing and execution.
