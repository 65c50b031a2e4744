/** A free TCP port on loopback, chosen by the OS. */
export function freePort(): Promise<number>
/** Debian's Chromium (CI installs it with apt-get); CHROMIUM_PATH or CHROME_PATH point elsewhere. */
export const chromiumPath: string
/** The flags every browser run uses: headless, no sandbox, no background network traffic. */
export const chromiumArgs: readonly string[]
