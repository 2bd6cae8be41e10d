/** What docs/examples/first-chat.* print, step by step, when they run to the end. */
export const firstChatOutput: readonly RegExp[] = [
  /^ann ready at seq \d+$/m,
  /^ann and ben are friends$/m,
  /^ben got: Hi Ben!$/m,
  /^delivered to ben up to conversation seq 1$/m,
  /^read by ben up to conversation seq 1$/m,
  /^ben resumed and got: Still there\?$/m,
  /^done$/m,
];
