/** How long each mailed or intermediate token lives, in seconds. */
export const TTL = {
  verifyEmail: 24 * 3600,
  changeEmail: 24 * 3600,
  resetPassword: 3600,
  mfaLogin: 300,
};

export const inSeconds = (seconds: number): Date => new Date(Date.now() + seconds * 1000);
