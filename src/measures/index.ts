// Scoring of published instruments: the Group Climate Questionnaire (short form) and Goal Attainment Scaling.
export {};
