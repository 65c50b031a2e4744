/** Largest upload staff may send, in bytes; the config's upload limit matches it. */
export const maxUploadBytes = 10 * 1024 * 1024
