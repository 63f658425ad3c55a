// The header cells of the window's tables.

export type Headers = { label: string; tip?: string; numeric?: boolean }[];
