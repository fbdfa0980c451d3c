/**
 * Commands defined once (ControlsFX actions with text, mnemonic, icon, keys, long text and a bound
 * disabled state), the set of a window's commands that keeps their keys apart, and the menu items
 * and buttons made from them. Feature packages and plug-ins define their commands here; the shell
 * puts them in its menus and toolbar.
 */
package dev.stagger.gui.common.action;
