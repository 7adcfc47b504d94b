"""File formats netui reads and writes. Each reader is a pure function from a file's text
to a netui.exchange.records.ReadResult (netui.exchange.importing.READERS lists them);
writers take plain data from the domain layer."""
