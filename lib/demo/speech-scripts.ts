import type { Language } from "./content";

// What the demo's spoken recordings say: the voicemails (left by customers, and by the front
// desk on customers' phones) and the recorded call whose transcript the demo shows. The audio is
// made from these once, at development time (scripts/demo-speech.ts, espeak-ng), and committed;
// the demo itself only reads the files and their manifest (speech-manifest.ts).

/** One line of a script; `voice` is an espeak-ng voice name (language plus variant). */
export interface SpokenLine {
  speaker: string;
  voice: string;
  text: string;
}

export interface SpeechScript {
  id: string;
  kind: "voicemail-in" | "voicemail-out" | "call";
  language: Language;
  lines: SpokenLine[];
}

/** A committed recording as measured from its audio: where each line is, in milliseconds. */
export interface SpeechRecording {
  id: string;
  file: string;
  seconds: number;
  sentences: Array<{ speaker: string; startMs: number; endMs: number; text: string }>;
}

// One voice per person. Speakers are labelled as HighLevel labels a recording's channels: a
// voicemail has one; in the recorded call channel 1 is the practice, channel 2 the caller.
const CALLER = "Speaker 2";
const voice =
  (name: string) =>
  (text: string, speaker = "Speaker 1"): SpokenLine => ({ speaker, voice: name, text });
const customerEn = voice("en-us+m3");
const otherCustomerEn = voice("en-us+f2");
const frontDeskEn = voice("en-us+f3");
const customerEs = voice("es-419+m3");
const otherCustomerEs = voice("es-419+f2");
const frontDeskEs = voice("es-419+f3");

export const SPEECH_SCRIPTS: SpeechScript[] = [
  {
    id: "vm-in-en-1",
    kind: "voicemail-in",
    language: "en",
    lines: [
      customerEn("Hi, this is a message for Sunset Dental."),
      customerEn("I have a cleaning on Thursday, but I need to move it to next week."),
      customerEn("Please call me back when you can. Thanks!"),
    ],
  },
  {
    id: "vm-in-en-2",
    kind: "voicemail-in",
    language: "en",
    lines: [
      otherCustomerEn("Hello, I'm calling about the bill I got in the mail."),
      otherCustomerEn("I think my insurance should have covered part of it."),
      otherCustomerEn("Could someone from billing give me a call? Thank you."),
    ],
  },
  {
    id: "vm-in-en-3",
    kind: "voicemail-in",
    language: "en",
    lines: [
      customerEn("Hi, my crown came loose this morning while I was eating."),
      customerEn("It doesn't hurt, but I would like to get it fixed soon."),
      customerEn("Please call me back today if you can."),
    ],
  },
  {
    id: "vm-in-es-1",
    kind: "voicemail-in",
    language: "es",
    lines: [
      otherCustomerEs("Hola, llamo para cambiar mi cita del jueves."),
      otherCustomerEs("¿Me pueden llamar para buscar otro día? Gracias."),
    ],
  },
  {
    id: "vm-in-es-2",
    kind: "voicemail-in",
    language: "es",
    lines: [
      customerEs("Buenas tardes, quería saber si aceptan el seguro de Delta Dental."),
      customerEs("Por favor, llámenme. Gracias."),
    ],
  },
  {
    id: "vm-out-en-1",
    kind: "voicemail-out",
    language: "en",
    lines: [
      frontDeskEn("Hi, this is Ana from Sunset Dental."),
      frontDeskEn("We are calling to confirm your appointment tomorrow at nine."),
      frontDeskEn("Please call us back, or reply to our text. Have a great day!"),
    ],
  },
  {
    id: "vm-out-es-1",
    kind: "voicemail-out",
    language: "es",
    lines: [
      frontDeskEs("Hola, le habla Ana de Sunset Dental."),
      frontDeskEs("Le llamamos para confirmar su cita de mañana a las nueve."),
      frontDeskEs("Por favor, devuélvanos la llamada. ¡Que tenga un buen día!"),
    ],
  },
  {
    id: "call-crown",
    kind: "call",
    language: "en",
    lines: [
      frontDeskEn("Sunset Dental, good morning, this is Ana."),
      customerEn("Hi, I'm calling about the crown I got last month.", CALLER),
      frontDeskEn("Of course, is something wrong with it?"),
      customerEn("It feels a little high when I bite, on the left side.", CALLER),
      frontDeskEn("That is an easy fix, the doctor can adjust it in ten minutes."),
      customerEn("Could I come in on Friday afternoon?", CALLER),
      frontDeskEn("Friday at three works. We will see you then."),
    ],
  },
];
