// Words more than one layer says, kept in one place so a user never meets two versions of one
// answer (the core, the engine host and the engine worker all refuse a question with no model).

/** Why a question cannot be answered locally when no model is loaded: what to do, in Duet or headless. */
export const NO_LOCAL_MODEL_MESSAGE = 'No local model is loaded. Choose a GGUF model file (in Duet, or start it with --model PATH), then send again.';
