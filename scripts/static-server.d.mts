export function startStaticServer(mounts: Record<string, string>, port?: number): Promise<{ origin: string; close: () => Promise<void> }>;
