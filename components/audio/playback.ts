// One recording plays at a time across the page: starting one pauses whichever was playing (two
// voices at once are unintelligible, and the first would keep playing out of sight in a long
// thread). Every player claims playback when its audio starts, however it was started (its own
// button, the keyboard, or a caller seeking and playing through the player's handle).

let playingNow: HTMLAudioElement | null = null;

export function claimPlayback(audio: HTMLAudioElement): void {
  if (playingNow && playingNow !== audio && !playingNow.paused) playingNow.pause();
  playingNow = audio;
}

export function releasePlayback(audio: HTMLAudioElement): void {
  if (playingNow === audio) playingNow = null;
}
