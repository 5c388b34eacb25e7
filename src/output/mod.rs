//! Human and JSON printers.
