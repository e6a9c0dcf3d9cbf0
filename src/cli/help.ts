import { Help, type Option } from 'commander';

/**
 * `--help` marks the options a command cannot run without, which commander's help leaves unmarked.
 * Set on the program before its commands are added, so every command and subcommand inherits it.
 */
export const HELP_CONFIGURATION: Partial<Help> = {
  optionDescription(this: Help, option: Option): string {
    const description = Help.prototype.optionDescription.call(this, option);
    return option.mandatory ? `${description} (required)` : description;
  },
};
