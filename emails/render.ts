export type RenderedEmail = { subject: string; html: string; text: string }
