"""File formats netui reads and writes. Each reader is a pure function from a file's text
to a netui.importing.ReadResult; writers take plain data from the domain layer."""
