-- One number that says whether any setting a server process keeps in memory has changed (ADR 029):
-- the service settings, channels, exit reasons, closure days, the targets' history and the staff
-- accounts. Every insert, update or delete on those tables adds one to it in the same transaction,
-- whoever makes it (a server, another process, a test, a fix by hand), so a process reads this
-- one row per page view and reloads a cached setting only when the number has moved. A later
-- migration that copies one of these tables to change it (RedefineTables) drops its triggers and
-- must create them again; tests/integration/settings-cache.test.ts checks they are all here.

CREATE TABLE "SettingsVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "version" INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "SettingsVersion" ("id", "version") VALUES (1, 0);

CREATE TRIGGER "ServiceSettings_settings_version_insert" AFTER INSERT ON "ServiceSettings"
BEGIN
    UPDATE "SettingsVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "ServiceSettings_settings_version_update" AFTER UPDATE ON "ServiceSettings"
BEGIN
    UPDATE "SettingsVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "ServiceSettings_settings_version_delete" AFTER DELETE ON "ServiceSettings"
BEGIN
    UPDATE "SettingsVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Channel_settings_version_insert" AFTER INSERT ON "Channel"
BEGIN
    UPDATE "SettingsVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Channel_settings_version_update" AFTER UPDATE ON "Channel"
BEGIN
    UPDATE "SettingsVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Channel_settings_version_delete" AFTER DELETE ON "Channel"
BEGIN
    UPDATE "SettingsVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "ExitReason_settings_version_insert" AFTER INSERT ON "ExitReason"
BEGIN
    UPDATE "SettingsVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "ExitReason_settings_version_update" AFTER UPDATE ON "ExitReason"
BEGIN
    UPDATE "SettingsVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "ExitReason_settings_version_delete" AFTER DELETE ON "ExitReason"
BEGIN
    UPDATE "SettingsVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "ServiceClosure_settings_version_insert" AFTER INSERT ON "ServiceClosure"
BEGIN
    UPDATE "SettingsVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "ServiceClosure_settings_version_update" AFTER UPDATE ON "ServiceClosure"
BEGIN
    UPDATE "SettingsVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "ServiceClosure_settings_version_delete" AFTER DELETE ON "ServiceClosure"
BEGIN
    UPDATE "SettingsVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "TargetSetting_settings_version_insert" AFTER INSERT ON "TargetSetting"
BEGIN
    UPDATE "SettingsVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "TargetSetting_settings_version_update" AFTER UPDATE ON "TargetSetting"
BEGIN
    UPDATE "SettingsVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "TargetSetting_settings_version_delete" AFTER DELETE ON "TargetSetting"
BEGIN
    UPDATE "SettingsVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "StaffUser_settings_version_insert" AFTER INSERT ON "StaffUser"
BEGIN
    UPDATE "SettingsVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "StaffUser_settings_version_update" AFTER UPDATE ON "StaffUser"
BEGIN
    UPDATE "SettingsVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "StaffUser_settings_version_delete" AFTER DELETE ON "StaffUser"
BEGIN
    UPDATE "SettingsVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
