export interface AuditFilterValues { actorId: string; action: string; targetId: string; from: string; to: string }
