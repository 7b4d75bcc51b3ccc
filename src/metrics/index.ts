// Participation metrics: attendance, dropout, retention, equality of participation, turns and interaction. Pure
// functions: no clock, no I/O, no mutation of their inputs.
export {};
