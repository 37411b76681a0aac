import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

// What a query runs on, passed in by a composition root (a route, the worker, a script) rather
// than fetched from lib/db inside a feature: the process's client or a transaction's.

export type Db = Prisma.TransactionClient;

/** A client that can open its own transaction (a transaction's client cannot). */
export type RootDb = PrismaClient;
