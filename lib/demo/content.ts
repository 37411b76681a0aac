// Words for a believable dental/med-spa inbox in English and Spanish.

export type Language = "en" | "es";

export const FIRST_NAMES: Record<Language, string[]> = {
  en: [
    "Emily",
    "James",
    "Olivia",
    "Michael",
    "Sophia",
    "Daniel",
    "Ava",
    "Ethan",
    "Grace",
    "Noah",
    "Chloe",
    "Ryan",
    "Hannah",
    "Tyler",
    "Megan",
    "Brandon",
  ],
  es: [
    "María",
    "José",
    "Lucía",
    "Carlos",
    "Valentina",
    "Juan",
    "Camila",
    "Luis",
    "Sofía",
    "Diego",
    "Gabriela",
    "Andrés",
    "Daniela",
    "Javier",
    "Isabel",
    "Mateo",
  ],
};
export const LAST_NAMES: Record<Language, string[]> = {
  en: [
    "Johnson",
    "Smith",
    "Williams",
    "Brown",
    "Miller",
    "Davis",
    "Wilson",
    "Taylor",
    "Clark",
    "Hall",
    "Young",
    "King",
  ],
  es: [
    "García",
    "Rodríguez",
    "Martínez",
    "Hernández",
    "López",
    "González",
    "Pérez",
    "Sánchez",
    "Ramírez",
    "Torres",
    "Flores",
    "Rivera",
  ],
};

export const INBOUND_TEXT: Record<Language, string[]> = {
  en: [
    "Hi, do you have any openings this week for a cleaning?",
    "Can I move my appointment to Thursday afternoon?",
    "How much is teeth whitening? 😁",
    "Running 10 minutes late, sorry!",
    "Do you take Delta Dental insurance?",
    "Thanks so much, see you then 👍",
    "Is there parking near the office?",
    "My crown feels loose, should I come in?",
    "Yes please, book me in.",
    "What time do you close on Fridays?",
  ],
  es: [
    "Hola, ¿tienen citas disponibles esta semana?",
    "¿Puedo cambiar mi cita para el jueves en la tarde?",
    "¿Cuánto cuesta el blanqueamiento dental? 😁",
    "Voy 10 minutos tarde, disculpe",
    "¿Aceptan el seguro de Delta Dental?",
    "Muchas gracias, nos vemos 👍",
    "¿Hay estacionamiento cerca?",
    "Sí, por favor, agéndeme.",
    "¿A qué hora cierran los viernes?",
    "Me duele una muela desde ayer",
  ],
};

export const OUTBOUND_TEXT: Record<Language, string[]> = {
  en: [
    "Hi {name}! We have Tuesday at 10:30 or Thursday at 2:00 — which works?",
    "You're confirmed for Thursday at 3:15 PM. Reply C to confirm.",
    "Whitening starts at $299 this month. Want me to hold a spot?",
    "No problem, we'll see you shortly!",
    "Yes, we're in network with Delta Dental.",
    "Here are directions and parking info: https://maps.example.com/sunset-dental",
    "Please come in today, we'll fit you in at 4 PM.",
    "Reminder: your appointment is tomorrow at 9:00 AM.",
  ],
  es: [
    "¡Hola {name}! Tenemos martes a las 10:30 o jueves a las 2:00, ¿cuál prefiere?",
    "Su cita está confirmada para el jueves a las 3:15 PM. Responda C para confirmar.",
    "El blanqueamiento cuesta $299 este mes. ¿Le reservo un espacio?",
    "¡No hay problema, le esperamos!",
    "Sí, aceptamos Delta Dental.",
    "Aquí tiene la dirección y el estacionamiento: https://maps.example.com/sunset-dental",
    "Recordatorio: su cita es mañana a las 9:00 AM.",
  ],
};

export const EMAIL_SUBJECTS: Record<Language, string[]> = {
  en: ["Your treatment plan", "Insurance pre-authorization", "Invoice #4821", "Before your visit"],
  es: ["Su plan de tratamiento", "Autorización del seguro", "Factura #4821", "Antes de su visita"],
};

export function emailHtml(language: Language, name: string, subject: string, quoted: string | null): string {
  const greeting = language === "es" ? `Hola ${name},` : `Hi ${name},`;
  const body =
    language === "es"
      ? "<p>Adjuntamos los detalles de su <strong>plan de tratamiento</strong>. Por favor revise las opciones:</p><ul><li>Limpieza profunda</li><li>Corona de porcelana</li></ul><p>Saludos,<br>Equipo de Sunset Dental</p>"
      : "<p>Please find the details of your <strong>treatment plan</strong> below. Your options:</p><ul><li>Deep cleaning</li><li>Porcelain crown</li></ul><p>Best,<br>The Sunset Dental team</p>";
  const logo = `<p><img src="https://images.example.com/sunset-dental-logo.png" alt="Sunset Dental" width="120"></p>`;
  const quote = quoted
    ? `<div class="gmail_quote">On an earlier date, we wrote:<blockquote>${quoted}</blockquote></div>`
    : "";
  return `<div style="font-family: Arial, sans-serif; font-size: 14px"><p>${greeting}</p>${body}${logo}<p style="color:#666">${subject}</p>${quote}</div>`;
}

export const PIPELINE = { id: "pipe-new-patients", name: "New patients" };
export const STAGES = [
  { id: "stage-new", name: "New lead" },
  { id: "stage-contacted", name: "Contacted" },
  { id: "stage-consult", name: "Consult booked" },
  { id: "stage-plan", name: "Treatment plan sent" },
];
export const DEALS = [
  "Invisalign consult",
  "Implant consult",
  "Whitening package",
  "Smile makeover",
  "New patient exam",
  "Veneers inquiry",
];
export const OWNERS = [
  { id: "user-ana", name: "Ana Ruiz" },
  { id: "user-mark", name: "Mark Lee" },
];
export const LEAD_SOURCES = ["facebook", "instagram", "google", "website", "referral"];
