// The environment the engine worker starts with. The worker runs llama.cpp on model files the user
// picked from anywhere, so it gets no secret it does not need: a flaw there must not hand out the
// cloud API key or the headless server's access token.

// One underscore-separated word of the name, anywhere in it: OPENAI_API_KEY, DUET_TOKEN,
// AWS_SECRET_ACCESS_KEY, DB_PASSWORD, APIKEY. Whole words only, so TOKENIZERS_PARALLELISM stays.
const SECRET_NAME = /(^|_)(KEY|APIKEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|CREDENTIALS)(_|$)/;

/** True for an environment variable's name that looks like it holds a secret. */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name.toUpperCase());
}

/** A copy of `env` without the variables that look like secrets (API keys, tokens, passwords). */
export function workerEnvironment(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const kept: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && !isSecretName(name)) kept[name] = value;
  }
  return kept;
}
