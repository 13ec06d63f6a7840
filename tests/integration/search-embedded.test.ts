// The search contract on the embedded SQLite FTS5 index (the default backend).
import { defineSearchContract } from "./search-contract";

defineSearchContract("embedded");
