/**
 * The Packer and amazon plugin releases the action installs unless told
 * otherwise, and the Packer that first takes a plugin it did not bundle.
 * Kept apart from the installer so the inputs and the plan read them without
 * loading it.
 */

/** The newest Packer release (1.16.0, 2026-07-24, Packer's CHANGELOG). */
export const DEFAULT_PACKER = '1.16.0';
/** The newest amazon plugin release (1.8.2, 2026-07-14, the plugin's CHANGELOG). */
export const DEFAULT_AMAZON_PLUGIN = '1.8.2';
/** The first Packer without a bundled amazon builder, and with `plugins install --path` (Packer CHANGELOG 1.10.0, GH-12643). */
export const PLUGIN_PACKER = '1.10.0';
