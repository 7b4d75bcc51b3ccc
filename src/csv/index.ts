// Spreadsheet import: rosters and attendance exported as CSV, read into model records through a column mapping.

export * from "./attendance.js";
export * from "./crosswalks.js";
export * from "./roster.js";
