import type { SpeechRecording } from "./speech-scripts";

// Made by scripts/demo-speech.ts from speech-scripts.ts, with the recordings in assets/demo-speech/:
// do not edit, run the script again. Times are measured from the audio.

export const SPEECH_RECORDINGS: SpeechRecording[] = [
  {
    id: "vm-in-en-1",
    file: "speech-vm-in-en-1-12s.wav",
    seconds: 12,
    sentences: [
      {
        speaker: "Speaker 1",
        startMs: 400,
        endMs: 3170,
        text: "Hi, this is a message for Sunset Dental.",
      },
      {
        speaker: "Speaker 1",
        startMs: 3519,
        endMs: 7550,
        text: "I have a cleaning on Thursday, but I need to move it to next week.",
      },
      {
        speaker: "Speaker 1",
        startMs: 7899,
        endMs: 10790,
        text: "Please call me back when you can. Thanks!",
      },
    ],
  },
  {
    id: "vm-in-en-2",
    file: "speech-vm-in-en-2-12s.wav",
    seconds: 12,
    sentences: [
      {
        speaker: "Speaker 1",
        startMs: 400,
        endMs: 3597,
        text: "Hello, I'm calling about the bill I got in the mail.",
      },
      {
        speaker: "Speaker 1",
        startMs: 3946,
        endMs: 6853,
        text: "I think my insurance should have covered part of it.",
      },
      {
        speaker: "Speaker 1",
        startMs: 7203,
        endMs: 10692,
        text: "Could someone from billing give me a call? Thank you.",
      },
    ],
  },
  {
    id: "vm-in-en-3",
    file: "speech-vm-in-en-3-11s.wav",
    seconds: 11,
    sentences: [
      {
        speaker: "Speaker 1",
        startMs: 400,
        endMs: 3853,
        text: "Hi, my crown came loose this morning while I was eating.",
      },
      {
        speaker: "Speaker 1",
        startMs: 4202,
        endMs: 7685,
        text: "It doesn't hurt, but I would like to get it fixed soon.",
      },
      {
        speaker: "Speaker 1",
        startMs: 8034,
        endMs: 10453,
        text: "Please call me back today if you can.",
      },
    ],
  },
  {
    id: "vm-in-es-1",
    file: "speech-vm-in-es-1-8s.wav",
    seconds: 8,
    sentences: [
      {
        speaker: "Speaker 1",
        startMs: 400,
        endMs: 3605,
        text: "Hola, llamo para cambiar mi cita del jueves.",
      },
      {
        speaker: "Speaker 1",
        startMs: 3954,
        endMs: 7514,
        text: "¿Me pueden llamar para buscar otro día? Gracias.",
      },
    ],
  },
  {
    id: "vm-in-es-2",
    file: "speech-vm-in-es-2-9s.wav",
    seconds: 9,
    sentences: [
      {
        speaker: "Speaker 1",
        startMs: 400,
        endMs: 5158,
        text: "Buenas tardes, quería saber si aceptan el seguro de Delta Dental.",
      },
      {
        speaker: "Speaker 1",
        startMs: 5507,
        endMs: 7917,
        text: "Por favor, llámenme. Gracias.",
      },
    ],
  },
  {
    id: "vm-out-en-1",
    file: "speech-vm-out-en-1-12s.wav",
    seconds: 12,
    sentences: [
      {
        speaker: "Speaker 1",
        startMs: 400,
        endMs: 2993,
        text: "Hi, this is Ana from Sunset Dental.",
      },
      {
        speaker: "Speaker 1",
        startMs: 3342,
        endMs: 6737,
        text: "We are calling to confirm your appointment tomorrow at nine.",
      },
      {
        speaker: "Speaker 1",
        startMs: 7086,
        endMs: 11383,
        text: "Please call us back, or reply to our text. Have a great day!",
      },
    ],
  },
  {
    id: "vm-out-es-1",
    file: "speech-vm-out-es-1-13s.wav",
    seconds: 13,
    sentences: [
      {
        speaker: "Speaker 1",
        startMs: 400,
        endMs: 2990,
        text: "Hola, le habla Ana de Sunset Dental.",
      },
      {
        speaker: "Speaker 1",
        startMs: 3339,
        endMs: 7174,
        text: "Le llamamos para confirmar su cita de mañana a las nueve.",
      },
      {
        speaker: "Speaker 1",
        startMs: 7523,
        endMs: 12016,
        text: "Por favor, devuélvanos la llamada. ¡Que tenga un buen día!",
      },
    ],
  },
  {
    id: "call-crown",
    file: "speech-call-crown-26s.wav",
    seconds: 26,
    sentences: [
      {
        speaker: "Speaker 1",
        startMs: 400,
        endMs: 3438,
        text: "Sunset Dental, good morning, this is Ana.",
      },
      {
        speaker: "Speaker 2",
        startMs: 4087,
        endMs: 7175,
        text: "Hi, I'm calling about the crown I got last month.",
      },
      {
        speaker: "Speaker 1",
        startMs: 7824,
        endMs: 10112,
        text: "Of course, is something wrong with it?",
      },
      {
        speaker: "Speaker 2",
        startMs: 10761,
        endMs: 13940,
        text: "It feels a little high when I bite, on the left side.",
      },
      {
        speaker: "Speaker 1",
        startMs: 14589,
        endMs: 18321,
        text: "That is an easy fix, the doctor can adjust it in ten minutes.",
      },
      {
        speaker: "Speaker 2",
        startMs: 18970,
        endMs: 20980,
        text: "Could I come in on Friday afternoon?",
      },
      {
        speaker: "Speaker 1",
        startMs: 21629,
        endMs: 24634,
        text: "Friday at three works. We will see you then.",
      },
    ],
  },
];
