import type { EndedBy } from '~/domain/exit-reasons.ts'
import { duplicateMessage, keyFromLabel, sameLabel, type ExitReasonInput } from '~/domain/settings.ts'
import type { StageKey } from '~/domain/stages.ts'
import { prisma } from '~/utils/db.server.ts'
import { getServiceConfig, saveServiceConfig } from './service-settings.server.ts'

// The service's lists (exit reasons, channels) and its stage names, as managers and
// administrators edit them. Reasons and channels are never deleted: households' histories point
// at them and the funnel figures count them, so one no longer wanted is retired (not offered for
// new records, still shown on old ones) and can be brought back.

export async function saveStageNames(names: Partial<Record<StageKey, string>>) {
	const config = await getServiceConfig()
	return saveServiceConfig({ ...config, stageNames: names })
}

export type SettingsOutcome =
	{ ok: true; id: string } | { ok: false; field: 'label'; error: string } | { ok: false; missing: true }

/** Every exit reason with how many closures use it. */
export async function listExitReasons() {
	const [reasons, uses] = await Promise.all([
		prisma.exitReason.findMany({ orderBy: [{ sortOrder: 'asc' }, { label: 'asc' }] }),
		prisma.stageEvent.groupBy({ by: ['exitReasonId'], where: { exitReasonId: { not: null } }, _count: { _all: true } }),
	])
	const counts = new Map(uses.map((use) => [use.exitReasonId, use._count._all]))
	return reasons.map((reason) => ({
		id: reason.id,
		key: reason.key,
		label: reason.label,
		endedBy: reason.endedBy as EndedBy,
		ofstedCode: reason.ofstedCode,
		nurture: reason.nurture,
		retired: reason.retiredAt !== null,
		uses: counts.get(reason.id) ?? 0,
	}))
}

export async function addExitReason(input: ExitReasonInput): Promise<SettingsOutcome> {
	return prisma.$transaction(async (tx) => {
		const existing = await tx.exitReason.findMany({ where: { endedBy: input.endedBy }, select: { label: true } })
		if (existing.some((reason) => sameLabel(reason.label, input.label))) {
			return { ok: false as const, field: 'label' as const, error: duplicateMessage('reason', input.label) }
		}
		const keys = await tx.exitReason.findMany({ select: { key: true, sortOrder: true } })
		const created = await tx.exitReason.create({
			data: {
				key: keyFromLabel(
					input.label,
					keys.map((reason) => reason.key)
				),
				label: input.label,
				endedBy: input.endedBy,
				ofstedCode: input.ofstedCode,
				nurture: input.nurture,
				sortOrder: Math.max(0, ...keys.map((reason) => reason.sortOrder)) + 1,
			},
		})
		return { ok: true as const, id: created.id }
	})
}

/** A new name; the key (and so every household's history and report) stays the same. */
export async function renameExitReason(id: string, label: string): Promise<SettingsOutcome> {
	return prisma.$transaction(async (tx) => {
		const reason = await tx.exitReason.findUnique({ where: { id } })
		if (!reason) return { ok: false as const, missing: true as const }
		const others = await tx.exitReason.findMany({
			where: { endedBy: reason.endedBy, id: { not: id } },
			select: { label: true },
		})
		if (others.some((other) => sameLabel(other.label, label))) {
			return { ok: false as const, field: 'label' as const, error: duplicateMessage('reason', label) }
		}
		await tx.exitReason.update({ where: { id }, data: { label } })
		return { ok: true as const, id }
	})
}

/** Retires a reason (no longer offered when closing a household) or brings it back. */
export async function setExitReasonRetired(id: string, retired: boolean, now: Date) {
	const { count } = await prisma.exitReason.updateMany({
		where: { id },
		data: { retiredAt: retired ? now : null },
	})
	return count > 0
}

/** Every channel with how many enquiries came through it. */
export async function listChannels() {
	const [channels, uses] = await Promise.all([
		prisma.channel.findMany({ orderBy: [{ sortOrder: 'asc' }, { label: 'asc' }] }),
		prisma.enquiry.groupBy({ by: ['channelId'], _count: { _all: true } }),
	])
	const counts = new Map(uses.map((use) => [use.channelId, use._count._all]))
	return channels.map((channel) => ({
		id: channel.id,
		key: channel.key,
		label: channel.label,
		retired: channel.retiredAt !== null,
		uses: counts.get(channel.id) ?? 0,
	}))
}

export async function addChannel(label: string): Promise<SettingsOutcome> {
	return prisma.$transaction(async (tx) => {
		const existing = await tx.channel.findMany({ select: { key: true, label: true, sortOrder: true } })
		if (existing.some((channel) => sameLabel(channel.label, label))) {
			return { ok: false as const, field: 'label' as const, error: duplicateMessage('channel', label) }
		}
		const created = await tx.channel.create({
			data: {
				key: keyFromLabel(
					label,
					existing.map((channel) => channel.key)
				),
				label,
				sortOrder: Math.max(0, ...existing.map((channel) => channel.sortOrder)) + 1,
			},
		})
		return { ok: true as const, id: created.id }
	})
}

export async function renameChannel(id: string, label: string): Promise<SettingsOutcome> {
	return prisma.$transaction(async (tx) => {
		const channel = await tx.channel.findUnique({ where: { id } })
		if (!channel) return { ok: false as const, missing: true as const }
		const others = await tx.channel.findMany({ where: { id: { not: id } }, select: { label: true } })
		if (others.some((other) => sameLabel(other.label, label))) {
			return { ok: false as const, field: 'label' as const, error: duplicateMessage('channel', label) }
		}
		await tx.channel.update({ where: { id }, data: { label } })
		return { ok: true as const, id }
	})
}

export async function setChannelRetired(id: string, retired: boolean, now: Date) {
	const { count } = await prisma.channel.updateMany({ where: { id }, data: { retiredAt: retired ? now : null } })
	return count > 0
}
