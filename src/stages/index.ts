// The group's development: stage models as data, the XState machine built from them, guidance, persistence and
// suggestions. The only room that imports xstate.
export {};
